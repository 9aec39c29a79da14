package dev.assetflow.domain.classify;

import org.apache.tika.Tika;

/**
 * Finds the real type of a file from its first bytes (magic numbers), never from its name, and
 * separately what its name claims. Tika's detector is thread-safe and built once.
 */
public final class TypeDetector {
    /** How much of an object is read for detection: enough for every container signature Tika knows. */
    public static final int PREFIX_BYTES = 64 * 1024;

    private static final String UNKNOWN = "application/octet-stream";
    private final Tika tika = new Tika();

    /** The type the content proves, or application/octet-stream when no signature matches. */
    public String detectContent(byte[] prefix) {
        return tika.detect(prefix);
    }

    /** The type the file name claims (by extension), or null when the name says nothing. */
    public String typeClaimedByName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String claimed = tika.detect(fileName);
        return UNKNOWN.equals(claimed) ? null : claimed;
    }

    public static boolean isUnknown(String mimeType) {
        return mimeType == null || UNKNOWN.equals(mimeType);
    }
}
