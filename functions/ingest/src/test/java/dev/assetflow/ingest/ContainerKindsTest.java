package dev.assetflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.classify.Classification;
import dev.assetflow.domain.classify.Classifier;
import dev.assetflow.domain.classify.TypeDetector;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files made by ffmpeg, classified the way ingest does it: the signature names the container, the
 * probe's streams decide the kind (Matroska, WebM and MP4 hold video or sound alone).
 */
class ContainerKindsTest {
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final SampleMedia SAMPLES = new SampleMedia(TOOLS);
    static final MediaProbe PROBE = new MediaProbe(TOOLS, new ProcessRunner());

    @TempDir
    Path dir;

    private final Classifier classifier = new Classifier(new TypeDetector());

    @Test
    void anMkvWithH264AndAacIsMatroskaVideo() throws IOException {
        assertVerdict(SAMPLES.video(dir.resolve("film.mkv"), 1, 320, 240, 1, 0), MediaKind.VIDEO, "video/x-matroska");
    }

    @Test
    void aWebmWithVp9AndOpusIsWebmVideo() throws IOException {
        assertVerdict(SAMPLES.video(dir.resolve("clip.webm"), 1, 320, 240, 1, 0), MediaKind.VIDEO, "video/webm");
    }

    @Test
    void anMkvWithTwoAudioTracksIsVideo() throws IOException {
        Path file = SAMPLES.video(dir.resolve("dub.mkv"), 1, 320, 240, 2, 0);
        assertThat(PROBE.probeMedia(file.toString(), dir, Duration.ofSeconds(30)).audio()).hasSize(2);
        assertVerdict(file, MediaKind.VIDEO, "video/x-matroska");
    }

    @Test
    void anMkaIsMatroskaAudio() throws IOException {
        assertVerdict(SAMPLES.audio(dir.resolve("song.mka"), 1), MediaKind.AUDIO, "audio/x-matroska");
    }

    @Test
    void anM4aIsMp4Audio() throws IOException {
        assertVerdict(SAMPLES.audio(dir.resolve("song.m4a"), 1), MediaKind.AUDIO, "audio/mp4");
    }

    @Test
    void anAudioOnlyWebmIsWebmAudioAndItsNameIsNoLie() throws IOException {
        Classification.Accepted accepted = assertVerdict(SAMPLES.audio(dir.resolve("podcast.webm"), 1), MediaKind.AUDIO, "audio/webm");
        assertThat(accepted.note()).as("a .webm name claims the container, not the kind").isNull();
    }

    @Test
    void anMp4IsReportedAsMp4AndAMovAsQuickTime() throws IOException {
        assertVerdict(SAMPLES.clip(dir.resolve("clip.mp4"), 1, 320, 240), MediaKind.VIDEO, "video/mp4");
        assertVerdict(SAMPLES.clip(dir.resolve("clip.mov"), 1, 320, 240), MediaKind.VIDEO, "video/quicktime");
    }

    private Classification.Accepted assertVerdict(Path file, MediaKind kind, String type) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(TypeDetector.PREFIX_BYTES);
        }
        Classification first = classifier.classify(prefix, Files.size(file), file.getFileName().toString());
        assertThat(first).as(file.getFileName() + " is decided by its streams").isInstanceOf(Classification.AudioOrVideo.class);
        MediaInfo info = PROBE.probeMedia(file.toString(), dir, Duration.ofSeconds(30));
        Classification verdict = ((Classification.AudioOrVideo) first).withStreams(info.video().isPresent(), !info.audio().isEmpty());
        assertThat(verdict).isInstanceOfSatisfying(Classification.Accepted.class, accepted -> {
            assertThat(accepted.kind()).as(file.getFileName().toString()).isEqualTo(kind);
            assertThat(accepted.detectedType()).as(file.getFileName().toString()).isEqualTo(type);
            assertThat(accepted.note()).as(file.getFileName().toString()).isNull();
        });
        return (Classification.Accepted) verdict;
    }
}
