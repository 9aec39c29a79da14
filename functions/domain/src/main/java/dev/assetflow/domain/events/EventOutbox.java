package dev.assetflow.domain.events;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.ports.AssetRepository;
import dev.assetflow.domain.ports.EventPublisher;
import java.time.Clock;

/**
 * Publishes an event for a state that is already stored, then sets the stored flag that says it was
 * published. A crash in between republishes on the retry (at least once); consumers deduplicate by
 * eventId. The flag makes every later duplicate delivery a no-op.
 */
public final class EventOutbox {
    private final AssetRepository assets;
    private final EventPublisher publisher;
    private final Clock clock;

    public EventOutbox(AssetRepository assets, EventPublisher publisher, Clock clock) {
        this.assets = assets;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void announceTerminal(Asset asset) {
        if (!asset.state().isTerminal() || asset.terminalAnnounced()) {
            return;
        }
        publisher.publish(AssetEvents.terminal(asset, clock.instant()));
        assets.markTerminalAnnounced(asset.id());
    }

    public void announceRendition(Asset asset, Rendition rendition) {
        if (rendition.announced()) {
            return;
        }
        publisher.publish(AssetEvents.renditionReady(asset, rendition, clock.instant()));
        assets.markRenditionAnnounced(asset.id(), rendition.checkpointKey());
    }
}
