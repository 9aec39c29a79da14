package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.SourceObject;
import java.util.Map;

/** Port: probes an original where it lies, without downloading it (ffprobe over a presigned URL). */
public interface MediaInspector {

    /**
     * Duration, picture size, rotation, codecs and streams, as recorded on the asset; throws a
     * {@code FailureException} with CORRUPT_MEDIA when the file cannot be read as media.
     */
    Map<String, Object> inspect(SourceObject source);
}
