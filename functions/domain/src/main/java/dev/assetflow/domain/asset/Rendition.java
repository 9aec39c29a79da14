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
        Instant updatedAt,
        String definition) {

    public Rendition(AssetId assetId, String profile, int profileVersion, String name, RenditionState state, String bucket, String key,
            String contentType, long bytes, Integer width, Integer height, boolean announced, Instant updatedAt) {
        this(assetId, profile, profileVersion, name, state, bucket, key, contentType, bytes, width, height, announced, updatedAt, null);
    }

    /**
     * This version's rendition made by keeping {@code earlier}'s object (a newer profile version with the same
     * definition): its key still names the version that made it.
     */
    public static Rendition keptFrom(Rendition earlier, int profileVersion, Instant at) {
        return new Rendition(earlier.assetId(), earlier.profile(), profileVersion, earlier.name(), RenditionState.DONE, earlier.bucket(),
                earlier.key(), earlier.contentType(), earlier.bytes(), earlier.width(), earlier.height(), false, at, earlier.definition());
    }

    /** The identity a consumer deduplicates by, together with the event type. */
    public String checkpointKey() {
        return profile + "#v" + profileVersion + "#" + name;
    }
}
