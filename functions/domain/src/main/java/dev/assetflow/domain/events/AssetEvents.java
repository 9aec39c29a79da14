package dev.assetflow.domain.events;

import dev.assetflow.domain.asset.HistoryEntry;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.Rendition;
import java.time.Instant;

/** Builds contract events from the stored asset, so every event carries the same facts the same way. */
public final class AssetEvents {

    private AssetEvents() {
    }

    /** The terminal event that matches the asset's state: asset.ready, asset.failed, asset.quarantined. */
    public static AssetEvent terminal(Asset asset, Instant at) {
        EventType type = switch (asset.state()) {
            case READY -> EventType.ASSET_READY;
            case PARTIAL -> EventType.ASSET_PARTIAL;
            case FAILED -> EventType.ASSET_FAILED;
            case QUARANTINED -> EventType.ASSET_QUARANTINED;
            default -> throw new IllegalArgumentException("no terminal event for state " + asset.state());
        };
        return of(type, asset, null, at, entered(asset));
    }

    /** When it entered its state: its last transition to it (the record's own time for one written before history). */
    private static Instant entered(Asset asset) {
        return asset.history().stream().filter(entry -> entry.to() == asset.state()).reduce((first, last) -> last)
                .map(HistoryEntry::at).orElse(asset.updatedAt());
    }

    /**
     * The events an asset has announced, rebuilt from what is stored (for a webhook replay): each announced rendition's
     * rendition.ready at the rendition's time, and the announced terminal event at the time the asset entered that state.
     * Their eventIds are those of the originals; the body describes the asset as it is now.
     */
    public static java.util.List<AssetEvent> announced(Asset asset, java.util.List<Rendition> renditions) {
        java.util.List<AssetEvent> events = new java.util.ArrayList<>();
        renditions.stream().filter(Rendition::announced).forEach(r -> events.add(renditionReady(asset, r, r.updatedAt())));
        if (asset.state().isTerminal() && asset.terminalAnnounced()) {
            events.add(terminal(asset, entered(asset)));
        }
        return events;
    }

    /** asset.deleted: the asset as it was before its erasure (its last state, kind, priority, original). */
    public static AssetEvent deleted(Asset asset, Instant at) {
        return of(EventType.ASSET_DELETED, asset, null, at, null);
    }

    public static AssetEvent renditionReady(Asset asset, Rendition rendition, Instant at) {
        RenditionDetails details = new RenditionDetails(rendition.name(), rendition.profile(),
                rendition.profileVersion(), rendition.bucket(), rendition.key(), rendition.contentType(),
                rendition.bytes(), rendition.width(), rendition.height(), null);
        return of(EventType.RENDITION_READY, asset, details, at, null);
    }

    private static AssetEvent of(EventType type, Asset asset, RenditionDetails rendition, Instant at, Instant enteredAt) {
        String assetId = asset.id().value();
        return new AssetEvent(
                AssetEvent.SCHEMA_VERSION,
                AssetEvent.eventIdFor(assetId, type, rendition, enteredAt),
                type,
                assetId,
                at,
                assetId,
                asset.kind() == null ? null : asset.kind().label(),
                asset.route() == null ? null : asset.route().queue().label(),
                asset.state().name(),
                rendition,
                asset.failure() == null ? null : asset.failure().category().name(),
                asset.failure() == null ? null : asset.failure().reason(),
                asset.source().bucket(),
                asset.source().key());
    }
}
