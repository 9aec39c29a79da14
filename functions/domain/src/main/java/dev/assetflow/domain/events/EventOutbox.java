package dev.assetflow.domain.events;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.asset.AssetRepository;
import java.time.Clock;

/**
 * Publishes an event for a state that is already stored, then sets the stored flag that says it was
 * published. A crash in between republishes on the retry (at least once); consumers deduplicate by
 * eventId. The flag makes every later duplicate delivery a no-op.
 */
public final class EventOutbox {
    private static final int FLAG_WRITE_ATTEMPTS = 4;
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
        recordPublished(() -> assets.markTerminalAnnounced(asset.id()));
    }

    public void announceRendition(Asset asset, Rendition rendition) {
        if (rendition.announced()) {
            return;
        }
        publisher.publish(AssetEvents.renditionReady(asset, rendition, clock.instant()));
        recordPublished(() -> assets.markRenditionAnnounced(asset.id(), rendition.checkpointKey()));
    }

    /**
     * The event is out: failing to record that now would republish it on the message's retry, so a
     * transient failure of the flag write is retried here, briefly, before giving up to the retry.
     */
    private static void recordPublished(Runnable flagWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                flagWrite.run();
                return;
            } catch (FailureException e) {
                if (!e.failure().retryable() || attempt >= FLAG_WRITE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(50L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
