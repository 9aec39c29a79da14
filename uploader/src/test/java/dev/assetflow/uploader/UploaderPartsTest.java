package dev.assetflow.uploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploaderPartsTest {

    @Test
    void aProgressLineShowsTheBarBytesRateAndTimeLeft() {
        String line = ProgressBars.line("film.mov", 200L << 20, 50L << 20, 50L << 20, 5, "");
        assertThat(line).startsWith("film.mov").contains("[######..................]", " 25%", "50.0 MiB / 200.0 MiB",
                "10.0 MiB/s", "15 s left");
        assertThat(ProgressBars.line("a.png", 1000, 1000, 1000, 1, "")).contains("100%", "done");
    }

    @Test
    void backoffWaitsAreJitteredUnderAGrowingCeilingAndTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        IntStream.range(0, 200).forEach(i -> {
            assertThat(backoff.delay(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(backoff.delay(3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(backoff.delay(30)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        });
        assertThat(IntStream.range(0, 200).mapToLong(i -> backoff.delay(30).toMillis()).distinct().count())
                .as("full jitter spreads the waits").isGreaterThan(50);
    }

    @Test
    void theResumeStateBelongsToOneVersionOfOneFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.wav"), "abc");
        ResumeState state = new ResumeState(dir.resolve("state"));
        assertThat(state.find(file)).isEmpty();
        state.save(file, new ResumeState.Entry("0f8fad5b-d9cb-469f-a165-70867728950e", "http://127.0.0.1:1/"));
        assertThat(state.find(file)).contains(new ResumeState.Entry("0f8fad5b-d9cb-469f-a165-70867728950e", "http://127.0.0.1:1/"));
        Files.writeString(file, "abcd"); // edited: another upload
        assertThat(state.find(file)).isEmpty();
    }

    @Test
    void theCommandSaysWhatIsMissingOrWrong(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.png"), "x");
        assertThatThrownBy(() -> UploadCommand.Settings.parse(file.toString())).hasMessageContaining("usage: scripts/upload");
        assertThatThrownBy(() -> UploadCommand.Settings.parse(dir.resolve("nope.png").toString(), "--api", "http://x/"))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> UploadCommand.Settings.parse(file.toString(), "--api", "http://x/", "--parallel-parts", "0"))
                .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> UploadCommand.Settings.parse(file.toString(), "--api")).hasMessageContaining("needs a value");
        assertThat(UploadCommand.Settings.parse(file.toString(), "--api", "http://x/", "--no-follow").follow()).isFalse();
        assertThat(ContentTypes.of("Film.MOV")).isEqualTo("video/quicktime");
        assertThat(ContentTypes.of("notes")).isEqualTo("application/octet-stream");
    }
}
