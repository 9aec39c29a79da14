package dev.assetflow.domain.priority;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.HistoryEntry;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.work.WorkDispatcher;
import dev.assetflow.domain.work.WorkMessage;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Moves an asset's work that has not started to the queue of another priority class, at once. The new route
 * is written first, as the next generation, conditional on the asset not having moved since it was read;
 * then the work is sent again with it. The message left in the old queue carries the older generation, and
 * the worker that receives it drops it (a generation check, not a race: a worker starts work only under the
 * generation it read). A QUEUED asset's work moves; so does a segmented video's while it is PROCESSING: its
 * video worker plans again and sends the chunks not yet counted to the new class's chunk queue. Other running
 * work finishes where it is; the change is recorded. Each change is in the history, with who asked.
 */
public final class PriorityChange {
    private static final int ATTEMPTS = 3;
    private final AssetRepository assets;
    private final WorkDispatcher dispatcher;
    private final Clock clock;

    public PriorityChange(AssetRepository assets, WorkDispatcher dispatcher, Clock clock) {
        this.assets = assets;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * @param to a work class: critical, standard or bulk
     * @throws FailureException when the work could not be sent again (the change is then undone)
     */
    public PriorityOutcome change(AssetId id, Priority to, String by) {
        if (to == Priority.REVIEW) {
            throw new IllegalArgumentException("review is not a priority class");
        }
        Optional<Asset> read = assets.find(id);
        for (int attempt = 0; attempt < ATTEMPTS && read.isPresent(); attempt++) {
            Asset asset = read.get();
            if (asset.state().isTerminal()) {
                return new PriorityOutcome.Finished(asset);
            }
            if (asset.route() == null || asset.state() == AssetState.RECEIVED || asset.state() == AssetState.CLASSIFIED) {
                return new PriorityOutcome.NotRouted(asset);
            }
            if (asset.route().queue() == to) {
                return new PriorityOutcome.Unchanged(asset);
            }
            Optional<PriorityOutcome> done = movable(asset) ? move(asset, to, by) : record(asset, to, by);
            if (done.isPresent()) {
                return done.get();
            }
            read = assets.find(id);
        }
        return read.<PriorityOutcome>map(PriorityOutcome.Conflict::new).orElseGet(() -> new PriorityOutcome.NotFound(id));
    }

    /** Work not started: a QUEUED asset's, or the chunks of a segmented video not yet counted. */
    static boolean movable(Asset asset) {
        return asset.state() == AssetState.QUEUED || asset.state() == AssetState.PROCESSING && segmented(asset);
    }

    private static boolean segmented(Asset asset) {
        return asset.media().get("transcode") instanceof Map<?, ?> transcode && "segmented".equals(transcode.get("engine"));
    }

    private Optional<PriorityOutcome> move(Asset asset, Priority to, String by) {
        RouteInfo from = asset.route();
        WorkDispatcher.WorkQueue queue = dispatcher.queueFor(asset.kind(), to, from.transcoder()).orElseThrow(() ->
                new FailureException(Failure.of(FailureCategory.CONFIGURATION, "there is no " + to.label() + " work queue for "
                        + asset.kind().label() + (from.transcoder() == null ? "" : " (" + from.transcoder() + ")"))));
        String why = "priority " + from.queue().label() + " -> " + to.label() + ", asked by " + by + ": work not started moves to "
                + queue.name();
        Optional<Asset> moved = assets.reroute(asset, from.inPriority(to, queue.name()), entry(asset, by, why));
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        try {
            dispatcher.dispatch(WorkMessage.of(moved.get(), why, clock.instant()));
        } catch (FailureException e) {
            // the old message still holds the work once the old generation is back
            assets.reroute(moved.get(), from, entry(moved.get(), by, "priority change undone: " + e.failure().reason()));
            throw e;
        }
        return Optional.of(new PriorityOutcome.Moved(moved.get(), from.queue(), queue.name()));
    }

    private Optional<PriorityOutcome> record(Asset asset, Priority to, String by) {
        String why = "priority " + asset.route().queue().label() + " -> " + to.label() + ", asked by " + by
                + ": the work is running and finishes in its class";
        return assets.reroute(asset, asset.route().relabelled(to), entry(asset, by, why))
                .map(recorded -> new PriorityOutcome.Recorded(recorded, asset.route().queue()));
    }

    private HistoryEntry entry(Asset asset, String by, String why) {
        return new HistoryEntry(asset.state(), asset.state(), clock.instant(), by, why, asset.route().rule(),
                asset.route().configVersion());
    }
}
