package dev.assetflow.domain.upload;

import dev.assetflow.domain.asset.AssetId;
import java.util.Optional;

/** Port: where the API keeps its multipart uploads (the assets table, beside the asset they become). */
public interface UploadSessions {

    /** Records a new upload; false if one exists for that asset already. */
    boolean create(MultipartUpload upload);

    Optional<MultipartUpload> find(AssetId assetId);

    /**
     * Moves an OPEN upload to the state of {@code next} (COMPLETED with its ETag, or ABORTED); answers the
     * record as it is afterwards, which is someone else's outcome when another request got there first.
     */
    MultipartUpload close(MultipartUpload next);
}
