package dev.assetflow.ops.shadow;

import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How close a rendition is to its original, by ffmpeg: SSIM (https://ffmpeg.org/ffmpeg-filters.html#ssim, 1 is
 * identical) or VMAF (https://ffmpeg.org/ffmpeg-filters.html#libvmaf, 0-100, the static build's built-in model).
 * The original is scaled to the rendition's size first (bicubic), so every rung is judged at its own size;
 * video is compared over its first {@code seconds}.
 */
final class QualityScore {
    private static final Pattern SSIM = Pattern.compile("SSIM Y:.* All:([0-9.]+)");
    private static final Pattern VMAF = Pattern.compile("VMAF score: ([0-9.]+)");

    enum Metric { SSIM, VMAF }

    private final MediaTools tools;
    private final ProcessRunner runner;
    private final Metric metric;
    private final int seconds;

    QualityScore(MediaTools tools, ProcessRunner runner, Metric metric, int seconds) {
        this.tools = tools;
        this.runner = runner;
        this.metric = metric;
        this.seconds = seconds;
    }

    Metric metric() {
        return metric;
    }

    /** @return the score, or empty when ffmpeg could not compare them (it says why on stderr) */
    Optional<Double> of(Path rendition, Path original, int width, int height) {
        String compare = metric == Metric.SSIM ? "ssim" : "libvmaf=n_threads=2";
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner",
                "-t", Integer.toString(seconds), "-i", rendition.toString(),
                "-t", Integer.toString(seconds), "-i", original.toString(),
                "-lavfi", String.format(Locale.ROOT, "[1:v]scale=%d:%d:flags=bicubic,format=yuv420p[ref];"
                        + "[0:v]format=yuv420p[dist];[dist][ref]%s", width, height, compare),
                "-f", "null", "-"));
        ProcessRunner.Result result = runner.run(command, rendition.getParent(), Duration.ofMinutes(10));
        Matcher found = (metric == Metric.SSIM ? SSIM : VMAF).matcher(result.stderr());
        return result.succeeded() && found.find() ? Optional.of(Double.parseDouble(found.group(1))) : Optional.empty();
    }
}
