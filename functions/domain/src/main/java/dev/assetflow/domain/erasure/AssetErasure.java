package dev.assetflow.domain.erasure;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.events.AssetEvents;
import dev.assetflow.domain.events.EventPublisher;
import dev.assetflow.domain.storage.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Erases an asset (README, "DELETE /assets/{assetId}"): a user's right to have their media removed. Only a
 * terminal asset (no work may still write for it). Its objects go first (renditions of every version, shadow runs,
 * a segmented video's scratch), the original only when asked, then asset.deleted is published, then its records
 * are deleted last: a failure at any step leaves the asset findable, and asking again redoes what is left
 * (deleting what is gone is a no-op; the event keeps its id).
 */
public final class AssetErasure {
    private final AssetRepository assets;
    private final ObjectStore store;
    private final EventPublisher events;
    private final String renditionsBucket;
    private final Clock clock;

    public AssetErasure(AssetRepository assets, ObjectStore store, EventPublisher events, String renditionsBucket, Clock clock) {
        this.assets = assets;
        this.store = store;
        this.events = events;
        this.renditionsBucket = renditionsBucket;
        this.clock = clock;
    }

    /** Where an asset's objects live in the renditions bucket, whichever path made them. */
    public static List<String> prefixes(AssetId id) {
        return List.of("renditions/" + id.value() + "/", "shadow/" + id.value() + "/", "chunks/" + id.value() + "/");
    }

    public ErasureOutcome erase(AssetId id, boolean withOriginal) {
        Optional<Asset> found = assets.find(id);
        if (found.isEmpty()) {
            return new ErasureOutcome.NotFound();
        }
        Asset asset = found.get();
        if (!asset.state().isTerminal()) {
            return new ErasureOutcome.InFlight(asset);
        }
        long objects = prefixes(id).stream().mapToLong(prefix -> store.deleteUnder(renditionsBucket, prefix)).sum();
        if (withOriginal) {
            store.delete(asset.source().bucket(), asset.source().key());
        }
        events.publish(AssetEvents.deleted(asset, clock.instant()));
        int records = assets.deleteAll(id);
        return new ErasureOutcome.Erased(asset, objects, records, withOriginal);
    }
}
