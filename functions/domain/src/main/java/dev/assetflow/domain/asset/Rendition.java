package dev.assetflow.domain.asset;

import java.time.Instant;

/** A produced output of an asset, checkpointed once per (asset, profile, profile version, name). */
public record Rendition(
        AssetId assetId,
        String profile,
        int profileVersion,
        String name,
        RenditionState state,
        String bucket,
        String key,
        String contentType,
        long bytes,
        Integer width,
        Integer height,
        boolean announced,
        Instant updatedAt) {

    /** The identity a consumer deduplicates by, together with the event type. */
    public String checkpointKey() {
        return profile + "#v" + profileVersion + "#" + name;
    }
}
