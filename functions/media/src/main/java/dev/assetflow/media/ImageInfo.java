package dev.assetflow.media;

/** What ffprobe says about an image: stored size, codec, and the rotation its orientation asks for. */
public record ImageInfo(int width, int height, int rotationDegrees, String codec) {

    /** Width as displayed: EXIF orientations that turn the picture by 90° swap the sides. */
    public int displayWidth() {
        return quarterTurn() ? height : width;
    }

    public int displayHeight() {
        return quarterTurn() ? width : height;
    }

    public long pixels() {
        return (long) width * height;
    }

    private boolean quarterTurn() {
        return Math.abs(rotationDegrees) % 180 == 90;
    }
}
