package dev.assetflow.domain.shadow;

import java.time.Instant;
import java.util.List;

/**
 * What one shadow run made of one asset: the shadow profile's renditions (stored under
 * {@code shadow/{assetId}/{profile}/v{version}/}) and how long they took, or why it failed. Kept beside the asset,
 * announced to nobody; {@code scripts/shadow-report} compares it with the production renditions.
 */
public record ShadowResult(String assetId, String profile, int profileVersion, String productionProfile, Instant at,
        long renderMillis, String failure, List<Made> renditions) {

    public ShadowResult {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    /** One shadow rendition: its name (as in production's ladder), where it is, and what it is. */
    public record Made(String name, String bucket, String key, String contentType, long bytes, Integer width, Integer height,
            Double durationSeconds) {}

    public boolean failed() {
        return failure != null;
    }
}
