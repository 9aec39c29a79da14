package dev.assetflow.domain.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Port: object storage (S3). Implementations translate SDK errors into categorised failures. */
public interface ObjectStore {

    /** Metadata of an object, or empty when it does not exist. */
    Optional<StoredObject> head(String bucket, String key);

    /** The first {@code maxBytes} bytes of an object (fewer if it is shorter; none if it is empty). */
    byte[] readPrefix(String bucket, String key, int maxBytes);

    void download(String bucket, String key, Path target);

    /** A short-lived URL that lets a tool read the object (with range requests) without credentials. */
    String readUrl(String bucket, String key, Duration expiry);

    /**
     * Uploads a file with the headers a browser or CDN serves it with; returns its size in bytes.
     * {@code cacheControl} may be null (none).
     */
    long upload(String bucket, String key, Path file, String contentType, String cacheControl);

    /** The total size of the objects whose keys start with {@code prefix}: what another service wrote there. */
    long bytesUnder(String bucket, String prefix);

    /** Deletes every object whose key starts with {@code prefix}; returns how many there were (0 when none). */
    long deleteUnder(String bucket, String prefix);

    /** Deletes one object (nothing when it is not there). */
    void delete(String bucket, String key);

    record StoredObject(String bucket, String key, long sizeBytes, String etag, String contentType) {}
}
