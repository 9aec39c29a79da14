package dev.assetflow.media;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.LadderRung;
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

/**
 * One chunk of a segmented video: every rung's segments for {@code [start, end)} of the source, from one
 * ffmpeg process that reads only that range (input seeking; over a presigned URL, range requests).
 * Chunks encoded apart join into one variant: timestamps stay absolute ({@code -copyts},
 * {@code -avoid_negative_ts disabled}, {@code movflags=+frag_discont} so each fragment's decode time is
 * where the chunk belongs), keyframes fall on the global segment grid, segments are numbered from the
 * chunk's first global index, and every chunk writes the same {@code init.mp4}, so one init serves the
 * whole variant (the recipe checked in shared/local-aws.md). Video only: audio is encoded once for the
 * whole source, which avoids an encoder-priming gap at every chunk boundary.
 */
public final class ChunkRenderer {
    private final MediaTools tools;
    private final ProcessRunner runner;

    public ChunkRenderer(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    public record ChunkJob(List<LadderRung> rungs, int segmentSeconds, String x264Preset, double startSeconds,
            double endSeconds, int firstSegment) {}

    /** @return each rung's directory holding {@code init.mp4}, its {@code seg_NNNNN.m4s} and a chunk playlist */
    public Map<String, Path> render(String sourceFileOrUrl, ChunkJob job, Path outputDirectory, Duration timeout) {
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = command(sourceFileOrUrl, job, outDir);
        Map<String, Path> directories = new LinkedHashMap<>();
        for (LadderRung rung : job.rungs()) {
            directories.put(rung.name(), outDir.resolve(rung.name()));
        }
        ProcessRunner.Result result = runner.run(command, outDir, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "ffmpeg did not finish the chunk "
                    + seconds(job.startSeconds()) + "-" + seconds(job.endSeconds()) + " s within " + timeout.toSeconds() + " s"));
        }
        if (!result.succeeded()) {
            String error = result.lastErrorLine().replace(sourceFileOrUrl, "the source");
            throw new FailureException(Failure.of(MediaProbe.remote(sourceFileOrUrl) && MediaProbe.readFailure(error) ? FailureCategory.TRANSIENT
                    : FailureCategory.CORRUPT_MEDIA, "ffmpeg could not transcode " + seconds(job.startSeconds()) + "-"
                    + seconds(job.endSeconds()) + " s of it: " + error));
        }
        return directories;
    }

    /** The one ffmpeg command line {@link #render} runs (public so the benchmark can time it, pinned to a core). */
    public List<String> command(String sourceFileOrUrl, ChunkJob job, Path outputDirectory) {
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-protocol_whitelist", MediaProbe.protocolWhitelist(sourceFileOrUrl),
                "-copyts", "-ss", seconds(job.startSeconds()), "-i", sourceFileOrUrl, "-filter_complex", filterGraph(job.rungs())));
        for (int i = 0; i < job.rungs().size(); i++) {
            LadderRung rung = job.rungs().get(i);
            Path dir = directory(outDir.resolve(rung.name()));
            command.addAll(List.of("-map", "[v" + i + "]", "-an", "-to", seconds(job.endSeconds()),
                    "-avoid_negative_ts", "disabled", "-map_metadata", "-1", "-map_chapters", "-1"));
            command.addAll(VideoRenderer.x264(job.x264Preset(), rung, job.segmentSeconds()));
            command.addAll(List.of("-hls_segment_options", "movflags=+frag_discont", "-start_number", Integer.toString(job.firstSegment())));
            command.addAll(VideoRenderer.hls(job.segmentSeconds(), dir));
        }
        return command;
    }

    static String filterGraph(List<LadderRung> rungs) {
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            graph.append("[r").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            graph.append(";[r").append(i).append(']').append(VideoRenderer.scaled(rungs.get(i))).append("[v").append(i).append(']');
        }
        return graph.toString();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
