package dev.assetflow.domain.asset;

import java.time.Clock;
import java.util.Optional;

/**
 * Records in an asset's history who asked for an action whose effect a worker records later under its own name: a
 * dead letter redriven, a repair sent (README, "Ops endpoints"). Priority changes and reprocessing write the asker
 * with their own transition. The entry keeps the state it found ({@code from} = {@code to}), so it moves nothing.
 */
public final class AssetAudit {
    private final AssetRepository assets;
    private final Clock clock;

    public AssetAudit(AssetRepository assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /** @return false when the asset is unknown (a letter of no asset) or moved on between the read and the write */
    public boolean note(AssetId id, String by, String what) {
        Optional<Asset> asset = assets.find(id);
        return asset.isPresent() && note(asset.get(), by, what);
    }

    public boolean note(Asset asset, String by, String what) {
        return assets.note(asset.id(), new HistoryEntry(asset.state(), asset.state(), clock.instant(), by, what, null, null));
    }
}
