package dev.assetflow.domain.events;

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
        return of(type, asset, null, at);
    }

    public static AssetEvent renditionReady(Asset asset, Rendition rendition, Instant at) {
        RenditionDetails details = new RenditionDetails(rendition.name(), rendition.profile(),
                rendition.profileVersion(), rendition.bucket(), rendition.key(), rendition.contentType(),
                rendition.bytes(), rendition.width(), rendition.height(), null);
        return of(EventType.RENDITION_READY, asset, details, at);
    }

    private static AssetEvent of(EventType type, Asset asset, RenditionDetails rendition, Instant at) {
        String assetId = asset.id().value();
        return new AssetEvent(
                AssetEvent.SCHEMA_VERSION,
                AssetEvent.eventIdFor(assetId, type, rendition),
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
