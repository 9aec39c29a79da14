package dev.assetflow.domain.video;

/** What the ladder needs to know of a source: its size as displayed, duration, frame rate, audio. */
public record SourceVideo(int displayWidth, int displayHeight, double durationSeconds, double frameRate, boolean hasAudio) {

    public int shortSide() {
        return Math.min(displayWidth, displayHeight);
    }

    public boolean portrait() {
        return displayHeight > displayWidth;
    }
}
