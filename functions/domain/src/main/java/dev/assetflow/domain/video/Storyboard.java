package dev.assetflow.domain.video;

import java.util.Locale;
import java.util.Optional;

/**
 * A thumbnail sprite and its WebVTT storyboard: one thumbnail every {@code intervalSeconds},
 * {@code columns} per row, and one cue per thumbnail pointing at its tile with a media fragment
 * ({@code sprite.jpg#xywh=x,y,w,h}), the form players' seek previews read.
 */
public record Storyboard(double intervalSeconds, int count, int columns, int rows, int thumbWidth, int thumbHeight,
        double durationSeconds) {

    public static Storyboard plan(VideoProfile.Storyboard spec, SourceVideo source) {
        double interval = Math.max(spec.intervalSeconds(), Math.ceil(source.durationSeconds() / spec.maxThumbnails()));
        int count = Math.max(1, (int) Math.ceil(source.durationSeconds() / interval));
        int columns = Math.min(spec.columns(), count);
        int rows = (count + columns - 1) / columns;
        // never upscaled: a source narrower than the profile's thumbnails gets thumbnails of its own size
        int width = LadderPlanner.evenAtMost(Math.min(spec.thumbWidth(), source.displayWidth()), source.displayWidth());
        int height = LadderPlanner.evenAtMost((double) width * source.displayHeight() / source.displayWidth(), source.displayHeight());
        return new Storyboard(interval, count, columns, rows, width, height, source.durationSeconds());
    }

    public int spriteWidth() {
        return columns * thumbWidth;
    }

    public int spriteHeight() {
        return rows * thumbHeight;
    }

    /** JPEG stores each side in 16 bits, and encoders stop at 65500 (ffmpeg's mjpeg refuses more). */
    public static final int JPEG_MAX_SIDE = 65500;

    /** Why this sprite cannot be a JPEG, if it cannot: a profile asking for too many or too wide thumbnails. */
    public Optional<String> jpegProblem() {
        return spriteWidth() <= JPEG_MAX_SIDE && spriteHeight() <= JPEG_MAX_SIDE ? Optional.empty()
                : Optional.of("the storyboard sprite would be " + spriteWidth() + "x" + spriteHeight() + " px; a JPEG has at most "
                        + JPEG_MAX_SIDE + " px a side: lower the profile's storyboard thumbWidth or columns");
    }

    public String webVtt(String spriteUri) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < count; i++) {
            double start = i * intervalSeconds;
            double end = Math.min(durationSeconds, (i + 1) * intervalSeconds);
            int x = (i % columns) * thumbWidth;
            int y = (i / columns) * thumbHeight;
            vtt.append('\n').append(timestamp(start)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(String.format(Locale.ROOT, "%s#xywh=%d,%d,%d,%d%n", spriteUri, x, y, thumbWidth, thumbHeight));
        }
        return vtt.toString();
    }

    static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
