package dev.assetflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every limit a worker accepts must be one its function can honour: the original and its renditions fit
 * its /tmp, the longest accepted media is transcoded within its timeout, and a full batch of the
 * largest accepted files fits its timeout. The rates are measured on the development machine, per vCPU
 * (Lambda gives 1 vCPU per 1,769 MB: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html),
 * and each check keeps a fifth of the time for download, upload and records.
 */
class WorkerLimitsTest {
    private static final Topology TOPOLOGY = TopologyLoader.load();
    private static final double MB_PER_VCPU = 1769;
    private static final double HEADROOM = 0.8;
    private static final long MIB = 1_048_576;
    /** The default /tmp of a function that does not ask for more. */
    private static final int DEFAULT_TMP_MB = 512;
    /** 600 s of MP3 → AAC + waveform image + peaks, one ffmpeg decode: 19.3 CPU-s (2026-12-02, static ffmpeg 7.0.2). */
    private static final double AUDIO_SECONDS_PER_CPU_SECOND = 600 / 19.3;
    /** The 1080p→360p ladder at veryfast: 20 s of camera-like 1080p in 20 s on 2 cores (scripts/bench-transcode, 2026-11-24). */
    private static final double VIDEO_1080P_SECONDS_PER_CPU_SECOND = 20.0 / (20.0 * 2);
    /** A 24-megapixel JPEG to 3 widths × 2 formats: 0.63 CPU-s (README, local-aws.md). */
    private static final double IMAGE_PIXELS_PER_CPU_SECOND = 24e6 / 0.63;
    /** A single-stream S3 GET from Lambda, conservatively. */
    private static final double DOWNLOAD_BYTES_PER_SECOND = 80e6;

    @Test
    void everyWorkersLargestOriginalAndItsRenditionsFitItsTmp() {
        for (String worker : Map.of("image-worker", 2.0, "audio-worker", 2.0, "document-worker", 2.0, "video-worker", 2.0).keySet()) {
            FunctionSpec spec = TOPOLOGY.function(worker);
            long tmpBytes = (spec.ephemeralStorageMb() == null ? DEFAULT_TMP_MB : spec.ephemeralStorageMb()) * MIB;
            // the original once, and renditions no larger than it (the workers' own space check estimates the same)
            assertThat(2 * limit(worker, "MAX_SOURCE_BYTES")).as(worker + ": MAX_SOURCE_BYTES × 2 within /tmp").isLessThanOrEqualTo(tmpBytes);
        }
    }

    /** A record gets its share of the invocation (SqsBatchProcessor): the first of a full batch, timeout / batchSize. */
    @Test
    void theLongestAcceptedAudioIsTranscodedWithinItsShareOfTheAudioWorkersTimeout() {
        FunctionSpec spec = TOPOLOGY.function("audio-worker");
        double seconds = limit("audio-worker", "MAX_AUDIO_SECONDS") / (AUDIO_SECONDS_PER_CPU_SECOND * vcpus(spec));
        assertThat(seconds).as("audio of MAX_AUDIO_SECONDS, in seconds")
                .isLessThanOrEqualTo(HEADROOM * spec.timeoutSeconds() / largestBatch("audio-worker"));
    }

    /**
     * Video length is no longer bounded by one invocation: a video whose estimate exceeds the video worker's
     * budget is cut into chunks on the segment grid. The smallest chunk is one segment, so one segment of
     * the largest accepted picture (MAX_VIDEO_PIXELS, every rung) must encode well within the chunk
     * worker's timeout.
     */
    @Test
    void oneSegmentOfTheLargestAcceptedVideoIsEncodedWithinTheChunkWorkersTimeout() {
        FunctionSpec spec = TOPOLOGY.function("video-chunk-worker");
        double pixelsOver1080p = limit("video-worker", "MAX_VIDEO_PIXELS") / (1920.0 * 1080);
        double segmentSeconds = 4;
        double seconds = segmentSeconds * pixelsOver1080p / (VIDEO_1080P_SECONDS_PER_CPU_SECOND * vcpus(spec));
        assertThat(seconds).as("one 4 s segment of MAX_VIDEO_PIXELS video, in seconds")
                .isLessThanOrEqualTo(HEADROOM * spec.timeoutSeconds() / largestBatch("video-chunk-worker"));
        assertThat(limit("video-worker", "MAX_VIDEO_SECONDS")).as("the segmented path takes up to 4 hours").isEqualTo(4 * 3600);
    }

    private static int largestBatch(String function) {
        return TOPOLOGY.queuesConsumedBy(function).stream().mapToInt(q -> TOPOLOGY.queue(q).consumer().batchSize())
                .max().orElseThrow();
    }

    @Test
    void aFullBatchOfTheLargestAcceptedImagesFitsTheImageWorkersTimeout() {
        FunctionSpec spec = TOPOLOGY.function("image-worker");
        double perImage = limit("image-worker", "MAX_SOURCE_BYTES") / DOWNLOAD_BYTES_PER_SECOND
                + limit("image-worker", "MAX_IMAGE_PIXELS") / (IMAGE_PIXELS_PER_CPU_SECOND * vcpus(spec));
        for (String queue : TOPOLOGY.queuesConsumedBy("image-worker")) {
            assertThat(TOPOLOGY.queue(queue).consumer().batchSize() * perImage).as(queue + ": a batch of the largest images, in seconds")
                    .isLessThanOrEqualTo(HEADROOM * spec.timeoutSeconds());
        }
    }

    private static double vcpus(FunctionSpec spec) {
        return spec.memoryMb() / MB_PER_VCPU;
    }

    private static long limit(String function, String variable) {
        EnvValue value = TOPOLOGY.function(function).environment().get(variable);
        assertThat(value).as(function + " sets " + variable).isNotNull();
        return Long.parseLong(value.value());
    }
}
