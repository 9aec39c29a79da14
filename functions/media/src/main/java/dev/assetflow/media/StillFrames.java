package dev.assetflow.media;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.Storyboard;
import dev.assetflow.domain.video.VideoLayout.Poster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The poster and the storyboard thumbnails, each from its own small ffmpeg run after the ladder, read
 * from an encoded rung (or the original when no rung was made in this run), never as extra branches of
 * the ladder's filter graph: ffmpeg 7's scheduler keeps feeding an output that has produced nothing
 * yet, so a poster at 10 % of a long video, or one thumbnail every 18 s, held every rung's decoded
 * frames up to that instant in memory (a 20 s 1080p ladder with its sprite reached 3 GB, over the video
 * worker's 3008 MB). Timestamps are read as they are ({@code -copyts}): a chunk's segments carry the
 * instants where the chunk belongs, so the same instants select the same frames on both paths.
 */
public final class StillFrames {
    private final MediaTools tools;
    private final ProcessRunner runner;

    public StillFrames(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /**
     * The first frame at or after the poster's instant, selected by its timestamp as the thumbnails are
     * (input seeking in an HLS playlist read with {@code -copyts} yields no frame in ffmpeg 7.0); the
     * stream before it is decoded, and it is a small rung's.
     */
    public Path poster(String input, Poster poster, Path target, Duration timeout) {
        run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", MediaProbe.protocolWhitelist(input), "-copyts", "-i", input,
                "-map", "0:v:0", "-map_metadata", "-1", "-frames:v", "1", "-update", "1",
                "-vf", String.format(Locale.ROOT, "select='gte(t,%s)',scale=%d:%d,format=yuvj420p", ChunkRenderer.seconds(poster.atSeconds()),
                        poster.width(), poster.height()),
                "-c:v", "mjpeg", "-q:v", "3", target.toAbsolutePath().toString()), target.toAbsolutePath().getParent(), timeout,
                "ffmpeg could not take the poster frame");
        if (!Files.isRegularFile(target)) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, "no frame at or after "
                    + ChunkRenderer.seconds(poster.atSeconds()) + " s for the poster"));
        }
        return target;
    }

    /**
     * The storyboard thumbnails whose instants (index × interval) fall in {@code [start, end)}: for each, the
     * first frame at or after it, written as {@code thumb_NNNNN.jpg} with its global index.
     */
    public Path thumbnails(String input, Storyboard board, double start, double end, Path directory, Duration timeout) {
        Path dir = VideoRenderer.directory(directory.toAbsolutePath());
        int first = firstThumbnail(board, start);
        String interval = String.format(Locale.ROOT, "%.6f", board.intervalSeconds());
        String select = String.format(Locale.ROOT, "select='gte(floor(t/%1$s)*%1$s,%2$s)*lt(t,%3$s)*(isnan(prev_selected_t)"
                + "+gt(floor(t/%1$s),floor(prev_selected_t/%1$s)))',scale=%4$d:%5$d", interval,
                String.format(Locale.ROOT, "%.6f", start - 0.0005), String.format(Locale.ROOT, "%.6f", end),
                board.thumbWidth(), board.thumbHeight());
        run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", MediaProbe.protocolWhitelist(input), "-copyts", "-i", input,
                "-map", "0:v:0", "-map_metadata", "-1", "-vf", select, "-fps_mode", "passthrough",
                "-c:v", "mjpeg", "-q:v", "4", "-start_number", Integer.toString(first), dir.resolve("thumb_%05d.jpg").toString()),
                dir.getParent(), timeout, "ffmpeg could not take the storyboard thumbnails"); // the runner's own files stay out of dir
        return dir;
    }

    /** The first thumbnail whose instant is at or after {@code start}. */
    public static int firstThumbnail(Storyboard board, double start) {
        return (int) Math.ceil(start / board.intervalSeconds() - 1e-9);
    }

    /** Whether any thumbnail instant falls in {@code [start, end)}. */
    public static boolean hasThumbnails(Storyboard board, double start, double end) {
        int first = firstThumbnail(board, start);
        return first < board.count() && first * board.intervalSeconds() < end;
    }

    /** The sprite: the thumbnails {@code thumb_00000.jpg}... tiled in their order, {@code columns} per row. */
    public Path tile(Path thumbnailsDirectory, Storyboard board, Path target, Duration timeout) {
        run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-framerate", "1", "-start_number", "0",
                "-i", thumbnailsDirectory.toAbsolutePath().resolve("thumb_%05d.jpg").toString(),
                "-vf", "tile=" + board.columns() + "x" + board.rows(), "-frames:v", "1", "-update", "1",
                "-c:v", "mjpeg", "-q:v", "4", target.toAbsolutePath().toString()), target.toAbsolutePath().getParent(), timeout,
                "ffmpeg could not tile the storyboard sprite");
        return target;
    }

    private void run(List<String> command, Path workDirectory, Duration timeout, String what) {
        VideoRenderer.run(runner, command, workDirectory, timeout, what);
    }
}
