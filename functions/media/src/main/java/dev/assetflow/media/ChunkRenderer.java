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

    /**
     * One chunk's work. {@code poster}: made by the chunk whose range holds its instant. {@code storyboard}:
     * the chunk makes the storyboard's thumbnails whose instants fall in its range, numbered globally, so
     * the assembly tiles every chunk's thumbnails into the one sprite.
     */
    public record ChunkJob(List<LadderRung> rungs, int segmentSeconds, String x264Preset, double startSeconds,
            double endSeconds, int firstSegment, Optional<Poster> poster, Optional<Storyboard> storyboard) {

        public ChunkJob(List<LadderRung> rungs, int segmentSeconds, String x264Preset, double startSeconds, double endSeconds,
                int firstSegment) {
            this(rungs, segmentSeconds, x264Preset, startSeconds, endSeconds, firstSegment, Optional.empty(), Optional.empty());
        }

        boolean makesPoster() {
            return poster.filter(p -> p.atSeconds() >= startSeconds && p.atSeconds() < endSeconds).isPresent();
        }

        /** Whether a thumbnail instant falls in this chunk's range (a chunk shorter than the interval may hold none). */
        boolean makesThumbnails() {
            return storyboard.filter(s -> firstThumbnail() < s.count() && firstThumbnail() * s.intervalSeconds() < endSeconds).isPresent();
        }

        /** The first thumbnail of this chunk: the first whose instant (index × interval) is in its range. */
        int firstThumbnail() {
            return storyboard.map(s -> (int) Math.ceil(startSeconds / s.intervalSeconds() - 1e-9)).orElse(0);
        }
    }

    /** Where a chunk's extras are, beside the rungs' directories. */
    public static final String POSTER_FILE = "poster.jpg";
    public static final String THUMBNAILS_DIRECTORY = "thumbnails";

    /** The file name of the storyboard thumbnail number {@code index}, as chunks write them and the assembly reads them. */
    public static String thumbnailName(int index) {
        return String.format(Locale.ROOT, "thumb_%05d.jpg", index);
    }

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
                "-copyts", "-ss", seconds(job.startSeconds()), "-i", sourceFileOrUrl, "-filter_complex", filterGraph(job)));
        for (int i = 0; i < job.rungs().size(); i++) {
            LadderRung rung = job.rungs().get(i);
            Path dir = directory(outDir.resolve(rung.name()));
            command.addAll(List.of("-map", "[v" + i + "]", "-an", "-to", seconds(job.endSeconds()),
                    "-avoid_negative_ts", "disabled", "-map_metadata", "-1", "-map_chapters", "-1"));
            command.addAll(VideoRenderer.x264(job.x264Preset(), rung, job.segmentSeconds()));
            command.addAll(List.of("-hls_segment_options", "movflags=+frag_discont", "-start_number", Integer.toString(job.firstSegment())));
            command.addAll(VideoRenderer.hls(job.segmentSeconds(), dir));
        }
        if (job.makesPoster()) {
            command.addAll(List.of("-map", "[poster]", "-map_metadata", "-1", "-frames:v", "1", "-update", "1", "-c:v", "mjpeg",
                    "-q:v", "3", outDir.resolve(POSTER_FILE).toString()));
        }
        if (job.makesThumbnails()) {
            // one file per selected frame, numbered from the chunk's first thumbnail; passthrough: no frame duplicated
            command.addAll(List.of("-map", "[thumbs]", "-map_metadata", "-1", "-to", seconds(job.endSeconds()), "-fps_mode", "passthrough",
                    "-c:v", "mjpeg", "-q:v", "4", "-start_number", Integer.toString(job.firstThumbnail()),
                    directory(outDir.resolve(THUMBNAILS_DIRECTORY)).resolve("thumb_%05d.jpg").toString()));
        }
        return command;
    }

    /** The whole source's sound as the HLS audio rendition: one process, no video decoded. */
    public Path renderAudio(String sourceFileOrUrl, int stream, int kbps, int segmentSeconds, Path outputDirectory, Duration timeout) {
        Path dir = directory(outputDirectory.toAbsolutePath().resolve(VideoRenderer.AUDIO_DIRECTORY));
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-protocol_whitelist", MediaProbe.protocolWhitelist(sourceFileOrUrl), "-i", sourceFileOrUrl));
        command.addAll(VideoRenderer.audioArguments(stream, kbps, segmentSeconds, dir));
        ProcessRunner.Result result = runner.run(command, dir, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "ffmpeg did not finish the audio within "
                    + timeout.toSeconds() + " s"));
        }
        if (!result.succeeded()) {
            String error = result.lastErrorLine().replace(sourceFileOrUrl, "the source");
            throw new FailureException(Failure.of(MediaProbe.remote(sourceFileOrUrl) && MediaProbe.readFailure(error)
                    ? FailureCategory.TRANSIENT : FailureCategory.CORRUPT_MEDIA, "ffmpeg could not encode its audio: " + error));
        }
        return dir;
    }

    static String filterGraph(ChunkJob job) {
        List<String> branches = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < job.rungs().size(); i++) {
            branches.add("r" + i);
            chains.add("[r" + i + "]" + VideoRenderer.scaled(job.rungs().get(i)) + "[v" + i + "]");
        }
        if (job.makesPoster()) {
            branches.add("p");
            chains.add("[p]" + VideoRenderer.posterChain(job.poster().orElseThrow()) + "[poster]");
        }
        job.storyboard().filter(board -> job.makesThumbnails()).ifPresent(board -> {
            // the first frame at or after each thumbnail instant k × interval, for the instants in this chunk
            // (timestamps are absolute here: -copyts)
            String interval = String.format(Locale.ROOT, "%.6f", board.intervalSeconds());
            branches.add("t");
            chains.add(String.format(Locale.ROOT, "[t]select='gte(floor(t/%1$s)*%1$s,%2$s)*(isnan(prev_selected_t)+gt(floor(t/%1$s),"
                    + "floor(prev_selected_t/%1$s)))',scale=%3$d:%4$d[thumbs]", interval,
                    String.format(Locale.ROOT, "%.6f", job.startSeconds() - 0.0005), board.thumbWidth(), board.thumbHeight()));
        });
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(branches.size());
        branches.forEach(b -> graph.append('[').append(b).append(']'));
        chains.forEach(c -> graph.append(';').append(c));
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
