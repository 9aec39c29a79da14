package dev.assetflow.mediaconvertcompletion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.video.MediaConvertNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A "MediaConvert Job State Change" event as EventBridge delivers it to the queue
 * (https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_cwe_events.html), reduced to what the
 * completion function acts on: its job (id, queue, our user metadata) and, by status, its progress, its
 * outputs (COMPLETE), its error (ERROR) or its cancellation.
 */
sealed interface JobStateChange {

    record JobRef(String jobId, String queue, Map<String, String> userMetadata) {
        Optional<String> assetId() {
            return Optional.ofNullable(userMetadata.get(MediaConvertNaming.ASSET_ID));
        }
    }

    /** One output of a group: the files it names (a media playlist, an MP4, the last frame capture). */
    record Output(List<String> outputFilePaths, Long durationInMs, Integer widthInPx, Integer heightInPx) {}

    record OutputGroup(String type, List<String> playlistFilePaths, List<Output> outputs) {}

    /** SUBMITTED, INPUT_INFORMATION, PROGRESSING, STATUS_UPDATE, NEW_WARNING, QUEUE_HOP: the job goes on. */
    record Progress(JobRef job, String status, int percentComplete) implements JobStateChange {}

    record Complete(JobRef job, List<OutputGroup> outputGroups) implements JobStateChange {}

    record Error(JobRef job, int errorCode, String errorMessage) implements JobStateChange {}

    record Canceled(JobRef job) implements JobStateChange {}

    /** Not a MediaConvert job state change at all: parked with its reason. */
    record Unreadable(String reason) implements JobStateChange {}

    static JobStateChange parse(String body) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (Exception e) {
            return new Unreadable("not JSON: " + e.getMessage());
        }
        JsonNode detail = event == null ? null : event.path("detail");
        if (detail == null || !"MediaConvert Job State Change".equals(event.path("detail-type").asText())
                || !detail.hasNonNull("jobId") || !detail.hasNonNull("status")) {
            return new Unreadable("not a MediaConvert Job State Change event with a jobId and a status");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        detail.path("userMetadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
        JobRef job = new JobRef(detail.get("jobId").asText(), detail.path("queue").asText(null), Map.copyOf(metadata));
        String status = detail.get("status").asText();
        return switch (status) {
            case "COMPLETE" -> new Complete(job, outputGroups(detail.path("outputGroupDetails")));
            case "ERROR" -> new Error(job, detail.path("errorCode").asInt(0), detail.path("errorMessage").asText(""));
            case "CANCELED" -> new Canceled(job);
            default -> new Progress(job, status, detail.path("jobProgress").path("jobPercentComplete").asInt(0));
        };
    }

    private static List<OutputGroup> outputGroups(JsonNode groups) {
        List<OutputGroup> parsed = new ArrayList<>();
        for (JsonNode group : groups) {
            List<Output> outputs = new ArrayList<>();
            for (JsonNode output : group.path("outputDetails")) {
                JsonNode video = output.path("videoDetails");
                outputs.add(new Output(texts(output.path("outputFilePaths")),
                        output.hasNonNull("durationInMs") ? output.get("durationInMs").asLong() : null,
                        video.hasNonNull("widthInPx") ? video.get("widthInPx").asInt() : null,
                        video.hasNonNull("heightInPx") ? video.get("heightInPx").asInt() : null));
            }
            parsed.add(new OutputGroup(group.path("type").asText(""), texts(group.path("playlistFilePaths")), outputs));
        }
        return parsed;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
