package dev.assetflow.domain.video;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the ladder needs to know of a source: its size as displayed, duration, frame rate, audio. */
public record SourceVideo(int displayWidth, int displayHeight, double durationSeconds, double frameRate, boolean hasAudio) {

    /**
     * From what ingest's probe recorded on the asset ({@code width}, {@code height} as displayed,
     * {@code durationSeconds}, {@code frameRate}, {@code audioStreams}); empty when the record lacks a
     * picture size or a duration, as for an asset probed before those were recorded.
     */
    public static Optional<SourceVideo> fromMedia(Map<String, Object> media) {
        if (!(media.get("width") instanceof Number width) || !(media.get("height") instanceof Number height)
                || !(media.get("durationSeconds") instanceof Number duration) || width.intValue() < 2 || height.intValue() < 2
                || duration.doubleValue() <= 0) {
            return Optional.empty();
        }
        double frameRate = media.get("frameRate") instanceof Number rate && rate.doubleValue() > 0 ? rate.doubleValue() : 30;
        boolean audio = media.get("audioStreams") instanceof List<?> streams && !streams.isEmpty();
        return Optional.of(new SourceVideo(width.intValue(), height.intValue(), duration.doubleValue(), frameRate, audio));
    }

    public int shortSide() {
        return Math.min(displayWidth, displayHeight);
    }

    public boolean portrait() {
        return displayHeight > displayWidth;
    }
}
