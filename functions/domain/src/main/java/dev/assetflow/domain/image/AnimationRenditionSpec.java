package dev.assetflow.domain.image;

/**
 * One rendition of an animated image: an animated WebP or an H.264 MP4 at a width (the way media
 * platforms serve GIFs: a video is a tenth of the GIF's size), or the still poster.
 */
public record AnimationRenditionSpec(String name, int width, int height, Output output) {

    public enum Output {
        ANIMATED_WEBP("image/webp"),
        MP4("video/mp4"),
        POSTER("image/jpeg");

        private final String contentType;

        Output(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public static Output ofContentType(String contentType) {
            for (Output output : values()) {
                if (output.contentType.equals(contentType)) {
                    return output;
                }
            }
            throw new IllegalArgumentException("no animation output for " + contentType);
        }
    }
}
