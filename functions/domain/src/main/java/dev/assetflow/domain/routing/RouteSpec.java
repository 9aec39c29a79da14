package dev.assetflow.domain.routing;

import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.idempotency.IdempotencyKey;

/**
 * What a matching rule does: which queue class, which processing profile, which transcoder, the most an asset
 * may cost ({@code maxCostUsd}, optional: one estimated above it goes to review instead of being encoded), and
 * optionally a {@code shadow}: for that share of its assets, a copy of the work runs with another profile.
 */
public record RouteSpec(String queue, String profile, String transcoder, Double maxCostUsd, Shadow shadow) {

    public RouteSpec(String queue, String profile, String transcoder, Double maxCostUsd) {
        this(queue, profile, transcoder, maxCostUsd, null);
    }

    /**
     * A profile tried on real traffic before it is trusted: {@code share} (0 < share ≤ 1) of the rule's assets
     * are also made with {@code profile}, into the shadow prefix, announced to nobody (README, "Shadow pipeline").
     */
    public record Shadow(String profile, double share) {

        /** The same assets every time (a hash of the id), so a redelivered upload is shadowed or not as before. */
        public boolean selects(AssetId asset) {
            long bucket = Long.parseLong(IdempotencyKey.sha256("shadow:" + asset.value()).substring(0, 8), 16);
            return bucket < share * 0x1_0000_0000L;
        }
    }
}
