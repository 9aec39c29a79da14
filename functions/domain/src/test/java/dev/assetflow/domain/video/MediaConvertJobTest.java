package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A MediaConvert job as recorded on the asset, where its output files are, and the source read back from ingest's probe. */
class MediaConvertJobTest {
    private static final Instant AT = Instant.parse("2026-12-03T01:00:00Z");

    @Test
    @SuppressWarnings("unchecked")
    void aJobIsRecordedBesideWhatElseTheTranscodeRecordHoldsAndReadBack() {
        Map<String, Object> media = Map.of("width", 640, "transcode", Map.of("estimate", Map.of("usd", 0.01)));
        MediaConvertJob job = new MediaConvertJob("j-1", "arn:q", 1, AT, "SUBMITTED", 0);

        Map<String, Object> recorded = job.into(media);

        assertThat(recorded).containsEntry("width", 640);
        assertThat((Map<String, Object>) recorded.get("transcode")).containsEntry("estimate", Map.of("usd", 0.01)).containsEntry("jobId", "j-1");
        assertThat(MediaConvertJob.fromMedia(recorded)).contains(job);
        assertThat(MediaConvertJob.fromMedia(Map.of("transcode", Map.of("engine", "segmented")))).isEmpty();
    }

    @Test
    void progressOnlyGoesForwardAndAResubmissionCountsUpWithoutAJob() {
        MediaConvertJob job = new MediaConvertJob("j-1", "arn:q", 1, AT, "PROGRESSING", 60);
        assertThat(job.withProgress("STATUS_UPDATE", 40).percentComplete()).isEqualTo(60);
        MediaConvertJob next = job.resubmitted();
        assertThat(next.submission()).isEqualTo(2);
        assertThat(next.jobId()).isNull();
        assertThat(MediaConvertJob.fromMedia(next.into(job.into(Map.of()))).orElseThrow().jobId()).as("the old job id is gone").isNull();
    }

    @Test
    void outputsAreFoundByTheNamesTheJobWasGiven() {
        assertThat(MediaConvertNaming.renditionOfHlsOutput("s3://b/renditions/a/p/v1/hls/master_720p.m3u8")).contains("hls/720p");
        assertThat(MediaConvertNaming.renditionOfHlsOutput("s3://b/renditions/a/p/v1/hls/master_audio.m3u8")).contains("hls/audio");
        assertThat(MediaConvertNaming.renditionOfHlsOutput("s3://b/renditions/a/p/v1/hls/master.m3u8")).isEmpty();
        assertThat(MediaConvertNaming.captureIndex("s3://b/x/thumb.0000036.jpg")).contains(36);
        assertThat(MediaConvertNaming.captureKey("x/thumb", 7)).isEqualTo("x/thumb.0000007.jpg");
        assertThat(MediaConvertNaming.keyIn("b", "s3://b/k/1")).contains("k/1");
        assertThat(MediaConvertNaming.keyIn("b", "s3://other/k/1")).isEmpty();
    }

    @Test
    void theSourceComesFromIngestsProbeOrNotAtAll() {
        assertThat(SourceVideo.fromMedia(Map.of("width", 1920, "height", 1080, "durationSeconds", 12.5, "frameRate", 25.0,
                "audioStreams", List.of(Map.of("codec", "aac"))))).contains(new SourceVideo(1920, 1080, 12.5, 25.0, true));
        assertThat(SourceVideo.fromMedia(Map.of("width", 1920, "height", 1080, "durationSeconds", 12.5, "audioStreams", List.of())))
                .contains(new SourceVideo(1920, 1080, 12.5, 30, false));
        assertThat(SourceVideo.fromMedia(Map.of("width", 1920, "durationSeconds", 12.5))).isEmpty();
    }
}
