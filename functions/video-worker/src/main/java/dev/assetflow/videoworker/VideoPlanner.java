package dev.assetflow.videoworker;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.video.EncodeEstimate;
import dev.assetflow.domain.video.EnginePlan;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, from a probe of the original (a local file or a presigned URL), what a video's renditions are
 * and which engine makes them: the limits are checked first, then the encode estimate is set against the
 * one-invocation budget (a rule may force an engine, and an original too big to download goes segmented).
 */
final class VideoPlanner {
    /** The transcoders a routing rule may name to force an engine; plain {@code ffmpeg} lets the estimate decide. */
    static final String FORCE_SEGMENTED = "ffmpeg-segmented";
    static final String FORCE_ONE_INVOCATION = "ffmpeg-one-invocation";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final MediaProbe probe;
    private final ProfileCatalog profiles;
    private final VideoWorkerConfig.Limits limits;

    VideoPlanner(MediaProbe probe, ProfileCatalog profiles, VideoWorkerConfig.Limits limits) {
        this.probe = probe;
        this.profiles = profiles;
        this.limits = limits;
    }

    /** The plan, and what is recorded on the asset: the probe's facts and, under {@code transcode}, the engine and estimate. */
    record VideoPlan(VideoLayout layout, EnginePlan engine, Map<String, Object> media) {}

    VideoPlan plan(String profileName, String transcoder, long sourceBytes, String sourceFileOrUrl, Path workDirectory) {
        VideoProfile profile = profiles.video(profileName).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no video profile named '" + profileName + "'")));
        MediaInfo info = probe.probeMedia(sourceFileOrUrl, workDirectory, PROBE_TIMEOUT);
        MediaInfo.VideoStream video = info.video().orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CORRUPT_MEDIA, "it has no video stream (" + info.format() + ")")));
        if (info.durationSeconds() <= 0 || video.width() < 2 || video.height() < 2) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA,
                    "ffprobe reads no duration or picture size from it: the file is truncated or corrupt"));
        }
        if (info.durationSeconds() > limits.maxDurationSeconds()) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, String.format(Locale.ROOT,
                    "the video lasts %.1f s; this deployment takes up to %.0f s (MAX_VIDEO_SECONDS)",
                    info.durationSeconds(), limits.maxDurationSeconds())));
        }
        if (video.pixels() > limits.maxPixels()) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the video is " + video.width() + "x"
                    + video.height() + "; this deployment takes up to " + limits.maxPixels() + " pixels (MAX_VIDEO_PIXELS)"));
        }
        double frameRate = video.frameRate() > 0 ? video.frameRate() : 30;
        SourceVideo source = new SourceVideo(video.displayWidth(), video.displayHeight(), info.durationSeconds(), frameRate,
                !info.audio().isEmpty());
        VideoLayout layout = VideoLayout.of(profile, source);
        EncodeEstimate estimate = EncodeEstimate.of(layout.ladder(), source, profile);
        double chunkCpuSeconds = limits.chunkCpuSeconds().orElse(limits.chunkBudget().cpuSeconds() * EnginePlan.CHUNK_SHARE_OF_BUDGET);
        EnginePlan engine;
        String why;
        if (FORCE_SEGMENTED.equals(transcoder)) {
            engine = EnginePlan.segmented(estimate, limits.oneInvocationBudget(), chunkCpuSeconds, source.durationSeconds(),
                    layout.segmentSeconds());
            why = "the routing rule asked for " + FORCE_SEGMENTED;
        } else if (FORCE_ONE_INVOCATION.equals(transcoder)) {
            engine = new EnginePlan.OneInvocation(estimate, limits.oneInvocationBudget().cpuSeconds());
            why = "the routing rule asked for " + FORCE_ONE_INVOCATION;
        } else if (sourceBytes > limits.maxDownloadBytes()) {
            engine = EnginePlan.segmented(estimate, limits.oneInvocationBudget(), chunkCpuSeconds, source.durationSeconds(),
                    layout.segmentSeconds());
            why = "the original (" + sourceBytes + " bytes) is more than one invocation downloads (" + limits.maxDownloadBytes() + ")";
        } else {
            engine = EnginePlan.choose(estimate, limits.oneInvocationBudget(), chunkCpuSeconds, source.durationSeconds(),
                    layout.segmentSeconds());
            why = String.format(Locale.ROOT, "estimated %.0f CPU-s %s the one-invocation budget of %.0f CPU-s",
                    estimate.cpuSeconds(), engine instanceof EnginePlan.OneInvocation ? "fits" : "exceeds",
                    limits.oneInvocationBudget().cpuSeconds());
        }
        Map<String, Object> media = new LinkedHashMap<>(info.summary());
        media.put("transcode", engine.describe(why));
        return new VideoPlan(layout, engine, media);
    }
}
