package dev.assetflow.domain.video;

import java.util.Map;

/**
 * H.264 facts the HLS master playlist needs: the RFC 6381 codec string of a High-profile stream at a
 * level (https://datatracker.ietf.org/doc/html/rfc6381#section-3.3), e.g. {@code avc1.640028} for 4.0.
 */
public final class H264 {
    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("3.0", 30), Map.entry("3.1", 31), Map.entry("3.2", 32), Map.entry("4.0", 40),
            Map.entry("4.1", 41), Map.entry("4.2", 42), Map.entry("5.0", 50), Map.entry("5.1", 51), Map.entry("5.2", 52));

    /** AAC-LC. */
    public static final String AAC_LC = "mp4a.40.2";

    private H264() {
    }

    public static boolean isKnownLevel(String level) {
        return level != null && LEVELS.containsKey(level);
    }

    public static String highProfileCodec(String level) {
        Integer levelIdc = LEVELS.get(level);
        if (levelIdc == null) {
            throw new IllegalArgumentException("unknown H.264 level " + level);
        }
        return String.format("avc1.6400%02x", levelIdc);
    }
}
