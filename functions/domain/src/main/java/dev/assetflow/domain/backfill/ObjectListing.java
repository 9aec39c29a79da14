package dev.assetflow.domain.backfill;

import dev.assetflow.domain.asset.SourceObject;
import java.util.List;

/** Port: a bucket's objects under a prefix, a page at a time (S3 ListObjectsV2). */
public interface ObjectListing {

    record Page(List<SourceObject> objects, String nextToken) {}

    /** @param token where the previous page ended; null for the first */
    Page page(String bucket, String prefix, String token, int max);
}
