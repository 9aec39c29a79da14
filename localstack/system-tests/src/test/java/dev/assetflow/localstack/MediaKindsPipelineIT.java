package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.fixtures.SampleDocuments;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Video, audio and documents through the whole local stack, outputs read back from S3 and probed. */
@ExtendWith(LocalStackExtension.class)
class MediaKindsPipelineIT {
    @TempDir
    Path dir;

    @Test
    void aVideoBecomesAPlayableLadderWithItsExtras(LocalStackExtension.Fixture fx) throws Exception {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        Path video = TestMedia.SAMPLES.video(dir.resolve("talk.mp4"), 4, 1280, 720, 1, 0);
        String assetId = Uploads.upload(client, "talk.mp4", "video/mp4", video);

        JsonNode asset = Uploads.settled(client, assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("kind").asText()).isEqualTo("video");
        assertThat(asset.path("route").path("priority").asText()).isEqualTo("standard");
        assertThat(asset.path("route").path("queue").asText()).endsWith("video-standard");
        assertThat(asset.path("route").path("engine").asText()).isEqualTo("ffmpeg");
        assertThat(asset.path("media").path("durationSeconds").asDouble()).isCloseTo(4.0, within(0.1));
        assertThat(asset.path("media").path("width").asInt()).isEqualTo(1280);
        assertThat(ImagePipelineIT.names(asset.path("renditions"))).containsExactlyInAnyOrder(
                "hls/720p", "hls/480p", "hls/360p", "hls/audio", "hls/master", "mp4/720p", "poster", "storyboard");
        assertThat(asset.path("transcode").path("engine").asText()).isEqualTo("one-invocation");
        assertThat(asset.path("transcode").path("estimateCpuSeconds").asDouble()).isPositive();
        assertThat(asset.at("/transcode/progress").findValuesAsText("rendition")).as("each planned rendition, listed as the run goes")
                .containsExactlyInAnyOrderElementsOf(ImagePipelineIT.names(asset.path("renditions")));
        assertThat(asset.at("/transcode/progress").findValuesAsText("state")).containsOnly("DONE");

        Path local = downloadPrefix(fx, "renditions", "renditions/" + assetId + "/video-abr/v1/");
        String master = Files.readString(local.resolve("hls/master.m3u8"));
        for (String variant : master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            MediaInfo info = probe(local.resolve("hls").resolve(variant));
            assertThat(info.durationSeconds()).as(variant).isCloseTo(4.0, within(0.1));
            assertThat(info.video().orElseThrow().height() % 2).isZero();
        }
        assertThat(master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF")).count()).isEqualTo(3);
        assertThat(probe(local.resolve("mp4/720p.mp4")).video().orElseThrow().width()).isEqualTo(1280);
        assertThat(probe(local.resolve("poster.jpg")).video()).isPresent();
        assertThat(Files.readString(local.resolve("storyboard/storyboard.vtt"))).startsWith("WEBVTT");
        assertThat(RenditionObjects.assertServable(fx, assetId)).anySatisfy(key -> assertThat(key).endsWith(".m4s"))
                .anySatisfy(key -> assertThat(key).endsWith("storyboard/sprite.jpg"));

        fx.searchIndex().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(fx.searchIndex().count(assetId, "rendition.ready")).isEqualTo(8);
        assertThat(fx.searchIndex().eventsFor(assetId)).filteredOn(e -> e.path("type").asText().equals("rendition.ready"))
                .anySatisfy(e -> assertThat(e.at("/rendition/key").asText()).endsWith("hls/master.m3u8"));
    }

    @Test
    void audioBecomesAacAndAWaveform(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        String assetId = Uploads.upload(client, "interview.mp3", "audio/mpeg", TestMedia.SAMPLES.audio(dir.resolve("i.mp3"), 3));
        JsonNode asset = Uploads.settled(client, assetId);
        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(ImagePipelineIT.names(asset.path("renditions"))).containsExactlyInAnyOrder("aac", "waveform");
        assertThat(asset.path("media").path("audioStreams").size()).isEqualTo(1);
        assertThat(RenditionObjects.assertServable(fx, assetId)).anySatisfy(key -> assertThat(key).endsWith("audio.m4a"))
                .anySatisfy(key -> assertThat(key).endsWith("waveform/waveform.png"));
    }

    @Test
    void aPdfGetsAPreviewAndItsPageCount(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        String assetId = Uploads.upload(client, "report.pdf", "application/pdf", SampleDocuments.pdf(dir.resolve("r.pdf"), 4));
        JsonNode asset = Uploads.settled(client, assetId);
        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("media").path("pages").asInt()).isEqualTo(4);
        assertThat(ImagePipelineIT.names(asset.path("renditions"))).containsExactlyInAnyOrder("preview", "info");
        assertThat(RenditionObjects.assertServable(fx, assetId)).containsExactlyInAnyOrder(
                "renditions/" + assetId + "/document-preview/v1/preview.jpg", "renditions/" + assetId + "/document-preview/v1/info.json");
    }

    @Test
    void anEncryptedPdfAndATruncatedVideoFailWithTheirReasonsAndKeepTheirOriginals(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        JsonNode secret = Uploads.settled(client, Uploads.upload(client, "secret.pdf", "application/pdf",
                SampleDocuments.encryptedPdf(dir.resolve("s.pdf"))));
        assertThat(secret.path("state").asText()).isEqualTo("FAILED");
        assertThat(secret.path("failure").path("category").asText()).isEqualTo("ENCRYPTED");
        assertThat(ImagePipelineIT.originalExists(fx, secret)).isTrue();

        Path whole = TestMedia.SAMPLES.video(dir.resolve("whole.mp4"), 3, 640, 360, 1, 0);
        JsonNode cut = Uploads.settled(client, Uploads.upload(client, "cut.mp4", "video/mp4",
                SampleMedia.truncated(whole, dir.resolve("cut.mp4"), 30_000)));
        assertThat(cut.path("state").asText()).isEqualTo("FAILED");
        assertThat(cut.path("failure").path("category").asText()).isEqualTo("CORRUPT_MEDIA");
        assertThat(cut.path("failure").path("reason").asText()).contains("ffprobe cannot read it")
                .as("no presigned URL leaks into the record").doesNotContain("X-Amz-Signature").doesNotContain("http");
        assertThat(ImagePipelineIT.originalExists(fx, cut)).isTrue();
    }

    @Test
    void aFileWhoseNameLiesIsProcessedAsWhatItIs(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        Path wav = TestMedia.SAMPLES.audio(dir.resolve("really.wav"), 2);
        JsonNode asset = Uploads.settled(client, Uploads.upload(client, "holiday-video.mp4", "application/octet-stream", wav));
        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("kind").asText()).isEqualTo("audio");
        assertThat(asset.path("detectedType").asText()).contains("wav");
        assertThat(asset.path("history").toString()).contains("although the name 'holiday-video.mp4' says video/mp4");
    }

    @Test
    void matroskaAndWebmAreProcessedAsWhatTheyHold(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        String film = Uploads.upload(client, "film.mkv", "video/x-matroska",
                TestMedia.SAMPLES.video(dir.resolve("film.mkv"), 2, 320, 240, 2, 0));
        String podcast = Uploads.upload(client, "podcast.webm", "video/webm", TestMedia.SAMPLES.audio(dir.resolve("podcast.webm"), 2));

        JsonNode video = Uploads.settled(client, film);
        assertThat(video.path("state").asText()).as(video.toString()).isEqualTo("READY");
        assertThat(video.path("kind").asText()).isEqualTo("video");
        assertThat(video.path("detectedType").asText()).isEqualTo("video/x-matroska");
        assertThat(video.path("media").path("audioStreams").size()).isEqualTo(2);
        JsonNode audio = Uploads.settled(client, podcast);
        assertThat(audio.path("state").asText()).as(audio.toString()).isEqualTo("READY");
        assertThat(audio.path("kind").asText()).isEqualTo("audio");
        assertThat(audio.path("detectedType").asText()).isEqualTo("audio/webm");
        assertThat(ImagePipelineIT.names(audio.path("renditions"))).containsExactlyInAnyOrder("aac", "waveform");
    }

    private Path downloadPrefix(LocalStackExtension.Fixture fx, String bucketLogical, String prefix) throws Exception {
        return RenditionDownloads.downloadPrefix(fx.stack(), bucketLogical, prefix, dir.resolve("download"));
    }

    private static MediaInfo probe(Path file) {
        return TestMedia.probeMedia(file);
    }
}
