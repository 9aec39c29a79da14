package dev.assetflow.media;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Audio from one ffmpeg process that decodes the source once: an AAC rendition (M4A, moov first), a
 * waveform image, and low-rate mono samples from which {@code Waveform} computes the peaks.
 */
public final class AudioRenderer {
    /** Peaks need no fidelity: 4 kHz mono keeps an hour of audio under 30 MB of temp space. */
    public static final int PEAK_SAMPLE_RATE = 4000;

    private final MediaTools tools;
    private final ProcessRunner runner;

    public AudioRenderer(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    public record Outputs(Path aac, Path waveformImage, short[] peakSamples) {}

    public Outputs render(Path source, int audioStream, int aacKbps, int imageWidth, int imageHeight, Path outDir, Duration timeout) {
        Path aac = outDir.resolve("audio.m4a");
        Path image = outDir.resolve("waveform.png");
        Path raw = outDir.resolve("samples.raw");
        String stream = "0:a:" + audioStream;
        ProcessRunner.Result result = runner.run(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-i", source.toString(),
                "-filter_complex", "[" + stream + "]asplit=3[enc][pic][pcm];"
                        + "[pic]aformat=channel_layouts=mono,showwavespic=s=" + imageWidth + "x" + imageHeight + ":colors=0x3a7bd5[wave];"
                        + "[pcm]aformat=sample_fmts=s16:channel_layouts=mono,aresample=" + PEAK_SAMPLE_RATE + "[low]",
                "-map", "[enc]", "-map_metadata", "-1", "-c:a", "aac", "-b:a", aacKbps + "k", "-movflags", "+faststart", aac.toString(),
                "-map", "[wave]", "-frames:v", "1", "-update", "1", image.toString(),
                "-map", "[low]", "-f", "s16le", raw.toString()), outDir, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT,
                    "ffmpeg did not finish within " + timeout.toSeconds() + " s; the message will be retried"));
        }
        if (!result.succeeded()) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, "ffmpeg could not decode the audio: "
                    + result.lastErrorLine()));
        }
        return new Outputs(aac, image, samples(raw));
    }

    private static short[] samples(Path raw) {
        try {
            byte[] bytes = Files.readAllBytes(raw);
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            Files.delete(raw);
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
