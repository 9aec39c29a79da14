package dev.assetflow.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A key derived from the work itself (never from a message id, which differs between duplicate
 * deliveries): {@code namespace#sha256(parts)}.
 */
public record IdempotencyKey(String value) {

    public static IdempotencyKey of(String namespace, String... parts) {
        return new IdempotencyKey(namespace + "#" + sha256(String.join("\u0000", parts)));
    }

    /** For uploads: the same bytes at the same key (ETag or version id), whatever event announced them. */
    public static IdempotencyKey forUpload(String bucket, String key, String etag, String versionId) {
        String revision = versionId != null && !versionId.isBlank() ? "version:" + versionId : "etag:" + etag;
        return of("upload", bucket, key, revision);
    }

    /** For renditions: one per (asset, rendition, profile version). */
    public static IdempotencyKey forRendition(String assetId, String rendition, String profile, int profileVersion) {
        return of("rendition", assetId, rendition, profile, Integer.toString(profileVersion));
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
