package dev.assetflow.domain.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Output formats for image renditions. */
public enum ImageFormat {
    WEBP("webp", "image/webp"),
    JPEG("jpg", "image/jpeg");

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageFormat ofContentType(String contentType) {
        for (ImageFormat format : values()) {
            if (format.contentType.equals(contentType)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no image format for " + contentType);
    }

    @JsonCreator
    public static ImageFormat fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
