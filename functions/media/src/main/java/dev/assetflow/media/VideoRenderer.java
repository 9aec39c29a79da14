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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The video ladder from ONE ffmpeg process that decodes the source once: the decoded frames are
 * split to one scaler and one H.264 encoder per rung (HLS, fMP4 segments, keyframes forced on the
 * segment grid so every variant switches at the same points), the sound once as the HLS audio
 * rendition every variant refers to. The poster and the thumbnail sprite come after, from a small rung
 * ({@link StillFrames}); the MP4 fallback is a stream copy of one rung's segments and the audio's (no
 * decode, no encode).
 */
public final class VideoRenderer {
    private final MediaTools tools;
    private final ProcessRunner runner;

    private final StillFrames stills;

    public VideoRenderer(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
        this.stills = new StillFrames(tools, runner);
    }

    /** What to make. Empty options and an empty ladder are skipped. */
    public record Job(List<LadderRung> rungs, int segmentSeconds, String x264Preset, Optional<Integer> audioStream,
            int audioKbps, Optional<Poster> poster, Optional<Storyboard> storyboard) {}

    /** Where the outputs are: each rung's HLS directory (playlist {@code index.m3u8}), the audio's, poster, sprite. */
    public record Outputs(Map<String, Path> hls, Optional<Path> audio, Optional<Path> poster, Optional<Path> sprite) {}

    /** The directory name of the audio rendition, beside the rungs'. */
    public static final String AUDIO_DIRECTORY = "audio";

    public Outputs render(Path source, Job job, Path outputDirectory, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Path outDir = outputDirectory.toAbsolutePath();
        Map<String, Path> hls = new LinkedHashMap<>();
        for (LadderRung rung : job.rungs()) {
            hls.put(rung.name(), outDir.resolve("hls").resolve(rung.name()));
        }
        if (!job.rungs().isEmpty() || job.audioStream().isPresent()) {
            run(command(source, job, outDir), outDir, timeout, "ffmpeg could not transcode it");
        }
        Optional<Path> poster = job.poster().map(p -> stills.poster(stillInput(source, job, outDir, p.width()), p,
                outDir.resolve("poster.jpg"), left(deadline)));
        Optional<Path> sprite = job.storyboard().map(board -> stills.tile(stills.thumbnails(stillInput(source, job, outDir, 0),
                board, 0, Double.MAX_VALUE, outDir.resolve("thumbnails"), left(deadline)), board, outDir.resolve("sprite.jpg"),
                left(deadline)));
        return new Outputs(hls, job.audioStream().map(a -> outDir.resolve("hls").resolve(AUDIO_DIRECTORY)), poster, sprite);
    }

    /**
     * What the poster and thumbnails are taken from: the smallest rung made in this run that is at least
     * {@code width} wide (else the largest), decoding a small stream rather than the original again;
     * the original when no rung was made (a resumed job that only lacks them).
     */
    static String stillInput(Path source, Job job, Path outDir, int width) {
        return stillRung(job.rungs(), width).map(rung -> outDir.resolve("hls").resolve(rung.name()).resolve("index.m3u8").toString())
                .orElse(source.toAbsolutePath().toString());
    }

    /** The smallest of {@code rungs} at least {@code width} wide, else the widest; empty when there are none. */
    static Optional<LadderRung> stillRung(List<LadderRung> rungs, int width) {
        return rungs.stream().filter(rung -> rung.width() >= width).min(Comparator.comparingInt(LadderRung::width))
                .or(() -> rungs.stream().max(Comparator.comparingInt(LadderRung::width)));
    }

    private static Duration left(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The ladder's ffmpeg command line (public so the benchmark can time it raw): every rung and the audio from one decode. */
    public List<String> command(Path sourceFile, Job job, Path outputDirectory) {
        Path source = sourceFile.toAbsolutePath();
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-i", source.toString()));
        if (!job.rungs().isEmpty()) {
            command.addAll(List.of("-filter_complex", ladderGraph(job.rungs())));
        }
        for (int i = 0; i < job.rungs().size(); i++) {
            LadderRung rung = job.rungs().get(i);
            command.addAll(rungArguments(job, rung, "[v" + i + "]", directory(outDir.resolve("hls").resolve(rung.name()))));
        }
        job.audioStream().ifPresent(stream -> command.addAll(audioArguments(stream, job.audioKbps(), job.segmentSeconds(),
                directory(outDir.resolve("hls").resolve(AUDIO_DIRECTORY)))));
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

    /** {@code [0:v:0]split=N[r0]..; [r0]scale=W:H,format=yuv420p[v0]; ...}: one decode, one scaler per rung, on both paths. */
    static String ladderGraph(List<LadderRung> rungs) {
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            graph.append("[r").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            graph.append(";[r").append(i).append(']').append(scaled(rungs.get(i))).append("[v").append(i).append(']');
        }
        return graph.toString();
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
        run(runner, command, workDirectory, timeout, what);
    }

    /** One ffmpeg run of a video job: out of time is TRANSIENT (the message comes back), a failure CORRUPT_MEDIA with ffmpeg's last error. */
    static void run(ProcessRunner runner, List<String> command, Path workDirectory, Duration timeout, String what) {
        ProcessRunner.Result result = runner.run(command, workDirectory, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT,
                    "ffmpeg did not finish within " + timeout.toSeconds() + " s; the message will be retried"));
        }
        if (!result.succeeded()) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, what + ": " + result.lastErrorLine()));
        }
    }

    /** Creates {@code dir} (and its parents) if missing: every renderer writes into directories it names. */
    static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
