package dev.assetflow.domain.asset;

import java.util.Objects;

/** The original upload: never modified or deleted by the pipeline. */
public record SourceObject(String bucket, String key, String etag, String versionId, long sizeBytes) {
    public SourceObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** The file name as the uploader gave it: the last path segment of the key. */
    public String fileName() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    /** What identifies this exact upload: the same bytes at the same key, whatever the event says. */
    public String identity() {
        String revision = versionId != null && !versionId.isBlank() ? "v=" + versionId : "etag=" + etag;
        return bucket + "/" + key + "#" + revision;
    }
}
