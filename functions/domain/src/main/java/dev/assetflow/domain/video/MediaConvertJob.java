package dev.assetflow.domain.video;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A video's MediaConvert job as recorded on the asset under {@code media.transcode} (what GET
 * /assets/{id} shows): which job, on which queue, its submission number (a resubmission after a service
 * error counts up, and gets a new idempotency token), when it was created, its last known status and
 * progress. {@code jobId} is null between a resubmission's decision and its CreateJob.
 */
public record MediaConvertJob(String jobId, String queue, int submission, Instant submittedAt, String status, int percentComplete) {
    public static final String ENGINE = "mediaconvert";

    public static Optional<MediaConvertJob> fromMedia(Map<String, Object> media) {
        if (!(media.get("transcode") instanceof Map<?, ?> transcode) || !ENGINE.equals(transcode.get("engine"))) {
            return Optional.empty();
        }
        Object submitted = transcode.get("submittedAt");
        return Optional.of(new MediaConvertJob(
                transcode.get("jobId") instanceof String id ? id : null,
                transcode.get("queue") instanceof String queue ? queue : null,
                transcode.get("submission") instanceof Number n ? n.intValue() : 1,
                submitted instanceof String at ? Instant.parse(at) : null,
                transcode.get("status") instanceof String status ? status : null,
                transcode.get("percentComplete") instanceof Number p ? p.intValue() : 0));
    }

    /** The asset's media with this job as its {@code transcode}, keeping what else was recorded there (the cost estimate). */
    public Map<String, Object> into(Map<String, Object> media) {
        Map<String, Object> transcode = new LinkedHashMap<>();
        if (media.get("transcode") instanceof Map<?, ?> previous) {
            previous.forEach((key, value) -> transcode.put(String.valueOf(key), value));
        }
        transcode.put("engine", ENGINE);
        put(transcode, "jobId", jobId);
        put(transcode, "queue", queue);
        transcode.put("submission", submission);
        put(transcode, "submittedAt", submittedAt == null ? null : submittedAt.toString());
        put(transcode, "status", status);
        transcode.put("percentComplete", percentComplete);
        Map<String, Object> updated = new LinkedHashMap<>(media);
        updated.put("transcode", transcode);
        return updated;
    }

    public MediaConvertJob withProgress(String newStatus, int percent) {
        return new MediaConvertJob(jobId, queue, submission, submittedAt, newStatus, Math.max(percentComplete, percent));
    }

    /** The next submission, not created yet. */
    public MediaConvertJob resubmitted() {
        return new MediaConvertJob(null, queue, submission + 1, null, "RESUBMITTING", 0);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
