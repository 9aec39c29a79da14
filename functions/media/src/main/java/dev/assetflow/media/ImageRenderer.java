package dev.assetflow.media;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.image.AnimationRenditionSpec;
import dev.assetflow.domain.image.ImageFormat;
import dev.assetflow.domain.image.ImageRenditionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Produces every requested image rendition from one ffmpeg process that decodes the source once:
 * one split per width, one scale per width, one split per format. ffmpeg applies EXIF orientation
 * itself (autorotate); {@code -map_metadata -1} and the encoders used write no EXIF, so nothing of
 * the original's metadata (GPS, camera serials) reaches a rendition.
 */
public final class ImageRenderer {
    private final MediaTools tools;
    private final ProcessRunner runner;

    public ImageRenderer(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /** A file made for the rendition of this name. */
    public record Rendered(String name, Path file) {}

    public List<Rendered> render(Path source, List<ImageRenditionSpec> specs, int quality, Path outDir, Duration timeout) {
        if (specs.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-i", source.toString(),
                "-filter_complex", filterGraph(specs)));
        List<Rendered> rendered = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ImageRenditionSpec spec = specs.get(i);
            Path out = outDir.resolve("r" + i + "." + spec.format().extension());
            command.addAll(List.of("-map", "[o" + i + "]", "-map_metadata", "-1", "-frames:v", "1", "-update", "1"));
            command.addAll(encoderArguments(spec.format(), quality));
            command.add(out.toString());
            rendered.add(new Rendered(spec.name(), out));
        }
        return run(command, outDir, timeout, rendered);
    }

    private List<Rendered> run(List<String> command, Path outDir, Duration timeout, List<Rendered> rendered) {
        ProcessRunner.Result result = runner.run(command, outDir, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT,
                    "ffmpeg did not finish within " + timeout.toSeconds() + " s"));
        }
        if (!result.succeeded()) {
            throw MediaProbe.corrupt("ffmpeg could not decode it: " + result.lastErrorLine());
        }
        return rendered;
    }

    /**
     * Every requested rendition of an animated image from one ffmpeg process: animated WebPs (looping
     * forever, like the GIF), H.264 MP4s (4:2:0, no audio, moov first so a browser starts playing at
     * once) and the first frame as a still poster.
     */
    public List<Rendered> renderAnimation(Path source, List<AnimationRenditionSpec> specs, int quality, Path outDir,
            Duration timeout) {
        if (specs.isEmpty()) {
            return List.of();
        }
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-protocol_whitelist", "file", "-i", source.toString()));
        List<String> outputs = new ArrayList<>();
        List<Rendered> rendered = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            AnimationRenditionSpec spec = specs.get(i);
            String pixelFormat = spec.output() == AnimationRenditionSpec.Output.ANIMATED_WEBP ? "yuva420p"
                    : spec.output() == AnimationRenditionSpec.Output.POSTER ? "yuvj420p" : "yuv420p";
            graph.append(";[s").append(i).append("]scale=").append(spec.width()).append(':').append(spec.height())
                    .append(":flags=lanczos,format=").append(pixelFormat).append("[o").append(i).append(']');
            Path out = outDir.resolve("a" + i + "." + extension(spec.name()));
            outputs.addAll(List.of("-map", "[o" + i + "]", "-map_metadata", "-1"));
            outputs.addAll(switch (spec.output()) {
                case ANIMATED_WEBP -> List.of("-c:v", "libwebp_anim", "-loop", "0", "-quality", Integer.toString(quality));
                case MP4 -> List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-an", "-movflags", "+faststart");
                case POSTER -> List.of("-frames:v", "1", "-update", "1", "-c:v", "mjpeg", "-q:v", "3");
            });
            outputs.add(out.toString());
            rendered.add(new Rendered(spec.name(), out));
        }
        command.addAll(List.of("-filter_complex", graph.toString()));
        command.addAll(outputs);
        return run(command, outDir, timeout, rendered);
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** {@code [0:v:0]split=W[w0]...; [w0]scale=..,split=F[o0][o1]; ...} with per-format pixel formats. */
    public static String filterGraph(List<ImageRenditionSpec> specs) {
        Map<String, List<Integer>> outputsBySize = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            outputsBySize.computeIfAbsent(specs.get(i).width() + "x" + specs.get(i).height(), k -> new ArrayList<>()).add(i);
        }
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(outputsBySize.size());
        for (int w = 0; w < outputsBySize.size(); w++) {
            graph.append("[w").append(w).append(']');
        }
        int w = 0;
        for (Map.Entry<String, List<Integer>> size : outputsBySize.entrySet()) {
            String[] dims = size.getKey().split("x");
            List<Integer> outputs = size.getValue();
            graph.append(";[w").append(w++).append("]scale=").append(dims[0]).append(':').append(dims[1])
                    .append(":flags=lanczos,split=").append(outputs.size());
            for (int o = 0; o < outputs.size(); o++) {
                graph.append("[f").append(outputs.get(o)).append(']');
            }
            for (int output : outputs) {
                if (specs.get(output).format() == ImageFormat.JPEG) {
                    // JPEG has no alpha: transparent pixels go on white, not on whatever colour they hide
                    graph.append(";color=c=white:s=").append(size.getKey()).append("[b").append(output).append("];[b")
                            .append(output).append("][f").append(output).append("]overlay=shortest=1:format=auto,format=yuvj420p");
                } else {
                    graph.append(";[f").append(output).append("]format=yuva420p");
                }
                graph.append("[o").append(output).append(']');
            }
        }
        return graph.toString();
    }

    private static List<String> encoderArguments(ImageFormat format, int quality) {
        return switch (format) {
            case WEBP -> List.of("-c:v", "libwebp", "-quality", Integer.toString(quality));
            // mjpeg's scale runs 2 (best) to 31; 90+ maps to 2, then one step per 5 points
            case JPEG -> List.of("-c:v", "mjpeg", "-q:v", Integer.toString(Math.min(31, Math.max(2, 2 + (90 - quality) / 5))));
        };
    }
}
