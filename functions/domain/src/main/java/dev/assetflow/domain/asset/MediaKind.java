package dev.assetflow.domain.asset;

import java.util.Locale;
import java.util.Set;

/** What kind of media a file really is, decided from its content type. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO,
    DOCUMENT,
    /** Anything the pipeline does not process: text, archives, executables, ... */
    OTHER;

    /**
     * Raster formats ffmpeg decodes, and SVG, which the image worker draws with a static renderer after
     * refusing entity declarations (the classifier refuses those first, see {@code SvgDeclarations}).
     */
    private static final Set<String> IMAGES = Set.of(
            "image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff", "image/svg+xml");
    private static final Set<String> DOCUMENTS = Set.of("application/pdf");

    public static MediaKind ofMimeType(String mimeType) {
        if (mimeType == null) {
            return OTHER;
        }
        String mime = mimeType.toLowerCase(Locale.ROOT);
        if (IMAGES.contains(mime)) {
            return IMAGE;
        }
        if (DOCUMENTS.contains(mime)) {
            return DOCUMENT;
        }
        if (mime.startsWith("video/")) {
            return VIDEO;
        }
        if (mime.startsWith("audio/")) {
            return AUDIO;
        }
        return OTHER;
    }

    /** The lowercase name used in routing rules, event attributes and queue names. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Whether a label names a kind (including "other"). */
    public static boolean isLabel(String label) {
        for (MediaKind kind : values()) {
            if (kind.label().equals(label)) {
                return true;
            }
        }
        return false;
    }
}
