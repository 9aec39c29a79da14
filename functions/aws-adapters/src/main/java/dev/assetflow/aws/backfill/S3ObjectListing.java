package dev.assetflow.aws.backfill;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.backfill.ObjectListing;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/** {@link ObjectListing} by S3 ListObjectsV2 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html). */
public final class S3ObjectListing implements ObjectListing {
    private final S3Client s3;

    public S3ObjectListing(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Page page(String bucket, String prefix, String token, int max) {
        try {
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(max).continuationToken(token));
            return new Page(page.contents().stream()
                    .filter(o -> !o.key().endsWith("/")) // "folders" made by consoles are not objects to process
                    // a listing quotes ETags, an event notification does not: ingest keys its idempotency on the bare one
                    .map(o -> new SourceObject(bucket, o.key(), o.eTag() == null ? null : o.eTag().replace("\"", ""), null, o.size()))
                    .toList(), Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "ListObjectsV2 s3://" + bucket + "/" + prefix);
        }
    }
}
