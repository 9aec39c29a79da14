package dev.assetflow.domain.upload;

import dev.assetflow.domain.asset.AssetId;
import java.time.Instant;

/**
 * A multipart upload as the API keeps it: the asset it will become, where its bytes go, the plan its
 * parts follow, S3's upload id, and whether it is still open. The API names it by its asset id.
 *
 * @param expiresAt after this the API no longer signs parts for it (the uploads bucket's lifecycle rule
 *                  aborts what was left unfinished)
 * @param etag      the completed object's ETag, so that completing twice answers the same
 */
public record MultipartUpload(AssetId assetId, String bucket, String key, String contentType, MultipartPlan plan,
        String s3UploadId, State state, Instant createdAt, Instant expiresAt, String etag) {

    public enum State { OPEN, COMPLETED, ABORTED }

    public MultipartUpload completed(String completedEtag) {
        return new MultipartUpload(assetId, bucket, key, contentType, plan, s3UploadId, State.COMPLETED, createdAt, expiresAt,
                completedEtag);
    }

    public MultipartUpload aborted() {
        return new MultipartUpload(assetId, bucket, key, contentType, plan, s3UploadId, State.ABORTED, createdAt, expiresAt, null);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
