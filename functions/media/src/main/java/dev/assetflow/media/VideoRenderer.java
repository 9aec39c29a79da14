package dev.assetflow.media;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.Storyboard;
import dev.assetflow.domain.video.VideoLayout.Poster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The video ladder from ONE ffmpeg process that decodes the source once: the decoded frames are
 * split to one scaler and one H.264 encoder per rung (HLS, fMP4 segments, keyframes forced on the
 * segment grid so every variant switches at the same points), the sound once as the HLS audio
 * rendition every variant refers to, plus the poster and the thumbnail sprite. The MP4 fallback is then
 * a stream copy of one rung's segments and the audio's (no decode, no encode).
 */
public final class VideoRenderer {
    private final MediaTools tools;
    private final ProcessRunner runner;

    public VideoRenderer(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /** What to make. Empty options and an empty ladder are skipped. */
    public record Job(List<LadderRung> rungs, int segmentSeconds, String x264Preset, Optional<Integer> audioStream,
            int audioKbps, Optional<Poster> poster, Optional<Storyboard> storyboard) {}

    /** Where the outputs are: each rung's HLS directory (playlist {@code index.m3u8}), the audio's, poster, sprite. */
    public record Outputs(Map<String, Path> hls, Optional<Path> audio, Optional<Path> poster, Optional<Path> sprite) {}

    /** The directory name of the audio rendition, beside the rungs'. */
    public static final String AUDIO_DIRECTORY = "audio";

    public Outputs render(Path source, Job job, Path outputDirectory, Duration timeout) {
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = command(source, job, outDir);
        Map<String, Path> hls = new LinkedHashMap<>();
        for (LadderRung rung : job.rungs()) {
            hls.put(rung.name(), outDir.resolve("hls").resolve(rung.name()));
        }
        run(command, outDir, timeout, "ffmpeg could not transcode it");
        return new Outputs(hls, job.audioStream().map(a -> outDir.resolve("hls").resolve(AUDIO_DIRECTORY)), job.poster().map(p -> outDir.resolve("poster.jpg")), job.storyboard().map(s -> outDir.resolve("sprite.jpg")));
    }

    /** The one ffmpeg command line {@link #render} runs (public so the benchmark can time it raw). */
    public List<String> command(Path sourceFile, Job job, Path outputDirectory) {
        Path source = sourceFile.toAbsolutePath();
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-i", source.toString(),
                "-filter_complex", filterGraph(job)));
        for (int i = 0; i < job.rungs().size(); i++) {
            LadderRung rung = job.rungs().get(i);
            command.addAll(rungArguments(job, rung, "[v" + i + "]", directory(outDir.resolve("hls").resolve(rung.name()))));
        }
        job.audioStream().ifPresent(stream -> command.addAll(audioArguments(stream, job.audioKbps(), job.segmentSeconds(),
                directory(outDir.resolve("hls").resolve(AUDIO_DIRECTORY)))));
        Optional<Path> poster = job.poster().map(p -> outDir.resolve("poster.jpg"));
        poster.ifPresent(path -> command.addAll(List.of("-map", "[poster]", "-map_metadata", "-1", "-frames:v", "1",
                "-update", "1", "-c:v", "mjpeg", "-q:v", "3", path.toString())));
        Optional<Path> sprite = job.storyboard().map(s -> outDir.resolve("sprite.jpg"));
        sprite.ifPresent(path -> command.addAll(List.of("-map", "[sprite]", "-map_metadata", "-1", "-frames:v", "1",
                "-update", "1", "-c:v", "mjpeg", "-q:v", "4", path.toString())));
        return command;
    }

    /**
     * One rung on its own, with the same scaler and encoder settings: the naive "one process per
     * rung" way, which decodes the source once per rung. The benchmark's baseline, not used by the pipeline.
     */
    public List<String> singleRungCommand(Path source, Job job, LadderRung rung, Path outDir) {
        source = source.toAbsolutePath();
        outDir = outDir.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-i", source.toString(),
                "-filter_complex", "[0:v:0]" + scaled(rung) + "[v]"));
        command.addAll(rungArguments(job, rung, "[v]", directory(outDir.resolve("hls").resolve(rung.name()))));
        return command;
    }

    /** A progressive MP4 (moov first) from a rung's HLS segments and the audio rendition's, by stream copy. */
    public Path remuxToMp4(Path hlsDirectory, Optional<Path> audioDirectory, Path target, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-i", hlsDirectory.resolve("index.m3u8").toString()));
        audioDirectory.ifPresent(audio -> command.addAll(List.of("-protocol_whitelist", "file", "-i", audio.resolve("index.m3u8").toString())));
        command.addAll(List.of("-map", "0:v"));
        audioDirectory.ifPresent(audio -> command.addAll(List.of("-map", "1:a")));
        command.addAll(List.of("-c", "copy", "-movflags", "+faststart", target.toString()));
        run(command, target.getParent(), timeout, "ffmpeg could not write the MP4 fallback");
        return target;
    }

    /**
     * The storyboard sprite from thumbnails made apart (a segmented video's chunks wrote
     * {@code thumb_00000.jpg}...), tiled in their order as the one-invocation path tiles them.
     */
    public Path tileSprite(Path thumbnailsDirectory, Storyboard storyboard, Path target, Duration timeout) {
        run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-framerate", "1", "-start_number", "0",
                "-i", thumbnailsDirectory.toAbsolutePath().resolve("thumb_%05d.jpg").toString(),
                "-vf", "tile=" + storyboard.columns() + "x" + storyboard.rows(), "-frames:v", "1", "-update", "1",
                "-c:v", "mjpeg", "-q:v", "4", target.toAbsolutePath().toString()), target.toAbsolutePath().getParent(), timeout,
                "ffmpeg could not tile the storyboard sprite");
        return target;
    }

    /** {@code [0:v:0]split=N[r0]..[poster-in][sprite-in]; [r0]scale=W:H,format=yuv420p[v0]; ...} */
    static String filterGraph(Job job) {
        List<String> branches = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < job.rungs().size(); i++) {
            LadderRung rung = job.rungs().get(i);
            branches.add("r" + i);
            chains.add("[r" + i + "]" + scaled(rung) + "[v" + i + "]");
        }
        job.poster().ifPresent(p -> {
            branches.add("p");
            chains.add("[p]" + posterChain(p) + "[poster]");
        });
        job.storyboard().ifPresent(s -> {
            branches.add("s");
            chains.add(String.format(Locale.ROOT, "[s]fps=1/%s,scale=%d:%d,tile=%dx%d[sprite]",
                    stripZeros(s.intervalSeconds()), s.thumbWidth(), s.thumbHeight(), s.columns(), s.rows()));
        });
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(branches.size());
        branches.forEach(b -> graph.append('[').append(b).append(']'));
        chains.forEach(c -> graph.append(';').append(c));
        return graph.toString();
    }

    /** The poster: the first frame at or after its instant, as a full-range JPEG, on both paths. */
    static String posterChain(Poster poster) {
        return String.format(Locale.ROOT, "select='gte(t,%.3f)',scale=%d:%d,format=yuvj420p", poster.atSeconds(), poster.width(),
                poster.height());
    }

    /** The scaler every rung's frames go through, on both paths. */
    static String scaled(LadderRung rung) {
        return "scale=" + rung.width() + ":" + rung.height() + ":flags=bicubic,format=yuv420p";
    }

    private static List<String> rungArguments(Job job, LadderRung rung, String videoLabel, Path dir) {
        List<String> args = new ArrayList<>(List.of("-map", videoLabel, "-an", "-map_metadata", "-1", "-map_chapters", "-1"));
        args.addAll(x264(job.x264Preset(), rung, job.segmentSeconds()));
        args.addAll(hls(job.segmentSeconds(), dir));
        return args;
    }

    /**
     * The audio rendition: the source's audio stream {@code stream} as stereo AAC-LC in fMP4 segments cut on
     * the same grid as the variants (the HLS muxer cuts audio at the first packet past each boundary).
     */
    static List<String> audioArguments(int stream, int kbps, int segmentSeconds, Path dir) {
        List<String> args = new ArrayList<>(List.of("-map", "0:a:" + stream, "-vn", "-map_metadata", "-1", "-map_chapters", "-1",
                "-c:a", "aac", "-b:a", kbps + "k", "-ac", "2"));
        args.addAll(hls(segmentSeconds, dir));
        return args;
    }

    /** The rung's H.264 encoder, with keyframes on the segment grid and only there, so all variants cut at the same instants. */
    static List<String> x264(String preset, LadderRung rung, int segmentSeconds) {
        return List.of("-c:v", "libx264", "-preset", preset, "-profile:v", "high", "-level:v", rung.level(),
                "-b:v", rung.videoKbps() + "k", "-maxrate", rung.maxKbps() + "k", "-bufsize", 2 * rung.maxKbps() + "k",
                "-force_key_frames", "expr:gte(t,n_forced*" + segmentSeconds + ")", "-sc_threshold", "0");
    }

    /** The HLS muxer writing fMP4 segments {@code seg_NNNNN.m4s}, their {@code init.mp4} and {@code index.m3u8} into {@code dir}. */
    static List<String> hls(int segmentSeconds, Path dir) {
        return List.of("-f", "hls", "-hls_time", Integer.toString(segmentSeconds), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments", "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", dir.resolve("seg_%05d.m4s").toString(), dir.resolve("index.m3u8").toString());
    }

    private void run(List<String> command, Path workDirectory, Duration timeout, String what) {
        ProcessRunner.Result result = runner.run(command, workDirectory, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT,
                    "ffmpeg did not finish within " + timeout.toSeconds() + " s; the message will be retried"));
        }
        if (!result.succeeded()) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, what + ": " + result.lastErrorLine()));
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
