package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.SourceObject;

/** Port: probes an original where it lies, without downloading it (ffprobe over a presigned URL). */
public interface MediaInspector {

    /**
     * Duration, picture size, rotation, codecs and streams, as recorded on the asset; throws a
     * {@code FailureException} with CORRUPT_MEDIA when the file cannot be read as media.
     */
    MediaFacts inspect(SourceObject source);
}
