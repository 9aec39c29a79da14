package dev.assetflow.domain.upload;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Port: the object store's side of a multipart upload (S3 CreateMultipartUpload, UploadPart, ...). */
public interface MultipartStore {

    /** Starts an upload of an object of this type; answers the store's upload id. */
    String start(String bucket, String key, String contentType);

    /** A short-lived URL to PUT part {@code partNumber}, bound to its exact length. */
    UploadSigner.SignedUpload signPart(String bucket, String key, String uploadId, int partNumber, long partBytes, Duration expiry);

    /** The parts stored so far, by part number; empty when the store no longer knows the upload (completed or aborted). */
    Optional<List<UploadParts.Stored>> storedParts(String bucket, String key, String uploadId);

    /** Assembles the object from the parts, only if no object has that key yet; answers its ETag. */
    Completion complete(String bucket, String key, String uploadId, List<UploadParts.Receipt> parts);

    /** Drops the upload and its parts; a no-op when the store no longer knows it. */
    void abort(String bucket, String key, String uploadId);

    sealed interface Completion {
        record Completed(String etag) implements Completion {}

        /** The store refused the parts (a part changed after the check, say), with its reason. */
        record Refused(String message) implements Completion {}

        /** An object already has the key: the upload was completed before. */
        record AlreadyExists() implements Completion {}
    }
}
