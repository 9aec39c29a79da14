package dev.assetflow.domain.upload;

import dev.assetflow.domain.asset.AssetId;

/** The verdict on an upload request, before any URL is signed. */
public sealed interface UploadDecision {

    /** Accepted: the asset id, the object key the client will write, and how it sends the bytes. */
    record Accepted(AssetId assetId, String key, String contentType, long sizeBytes, Transfer transfer) implements UploadDecision {}

    /** Refused at the door, with a reason a client developer can act on. */
    record Refused(Reason reason, String message) implements UploadDecision {}

    enum Reason { INVALID_REQUEST, UNSUPPORTED_CONTENT_TYPE, TOO_LARGE }

    /** One presigned PUT, or an S3 multipart upload in the parts of a plan. */
    sealed interface Transfer {
        record SinglePut() implements Transfer {}

        record Multipart(MultipartPlan plan) implements Transfer {}
    }
}
