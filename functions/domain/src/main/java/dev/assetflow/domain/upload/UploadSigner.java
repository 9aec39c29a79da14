package dev.assetflow.domain.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Port: issues short-lived upload URLs bound to a content type and size (S3 presigned PUT). */
public interface UploadSigner {

    SignedUpload signPut(String bucket, String key, String contentType, long sizeBytes, Duration expiry);

    /** What the client needs: the URL, the method, and the headers it must send exactly. */
    record SignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) {}
}
