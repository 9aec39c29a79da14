package dev.assetflow.domain.listing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sort key an asset is listed by: its creation time at a fixed width (so text order is time order, which
 * {@link Instant#toString()}'s varying fraction is not) and its id (so it is unique, and a page ends exactly where
 * the next begins). A cursor is the last listed asset's key, base64url-encoded.
 */
public final class ListingKey {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#[0-9a-f-]{36}");

    private ListingKey() {
    }

    public static String of(Instant createdAt, String assetId) {
        return at(createdAt) + "#" + assetId;
    }

    /** The time part alone: every key of an asset created at {@code instant} or later sorts after it. */
    public static String at(Instant instant) {
        return FIXED.format(instant);
    }

    public static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor names; empty if it is not one this listing gave. */
    public static Optional<String> parse(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
