package dev.assetflow.domain.reprocess;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.work.WorkDispatcher;
import dev.assetflow.domain.work.WorkMessage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Makes an asset again with its profile's newest version (README, "Reprocessing by profile version"), only if it
 * was made with an older one: the asset is put back to QUEUED (a conditional write on what was read) and its work
 * sent to the bulk queue of its kind; the worker keeps every rendition whose definition did not change and makes
 * the others, then announces the new version's renditions and the asset as usual. If the work cannot be sent,
 * the asset is put back as it was.
 */
public final class Reprocessing {
    private final AssetRepository assets;
    private final ObjectStore store;
    private final WorkDispatcher dispatcher;
    private final Supplier<ProfileCatalog> profiles;
    private final Clock clock;

    public Reprocessing(AssetRepository assets, ObjectStore store, WorkDispatcher dispatcher, Supplier<ProfileCatalog> profiles,
            Clock clock) {
        this.assets = assets;
        this.store = store;
        this.dispatcher = dispatcher;
        this.profiles = profiles;
        this.clock = clock;
    }

    public ReprocessOutcome reprocess(AssetId id, String by) {
        Optional<Asset> read = assets.find(id);
        if (read.isEmpty()) {
            return new ReprocessOutcome.NotFound(id);
        }
        Asset asset = read.get();
        if ((asset.state() != AssetState.READY && asset.state() != AssetState.PARTIAL) || asset.route() == null
                || asset.route().profile() == null) {
            return new ReprocessOutcome.NotFinished(asset);
        }
        String profile = asset.route().profile();
        OptionalInt newest = profiles.get().version(profile);
        if (newest.isEmpty()) {
            return new ReprocessOutcome.CannotRedo(asset, Failure.of(FailureCategory.CONFIGURATION,
                    "the profiles document has no profile '" + profile + "' any more"));
        }
        int made = madeWith(assets.renditions(id), profile).orElse(0);
        if (made >= newest.getAsInt()) {
            return new ReprocessOutcome.UpToDate(asset, made);
        }
        if (store.head(asset.source().bucket(), asset.source().key()).isEmpty()) {
            return new ReprocessOutcome.CannotRedo(asset, Failure.of(FailureCategory.ORIGINAL_MISSING, "the original s3://"
                    + asset.source().bucket() + "/" + asset.source().key() + " no longer exists; the asset keeps its v" + made
                    + " renditions"));
        }
        WorkDispatcher.WorkQueue queue = dispatcher.queueFor(asset.kind(), Priority.BULK, asset.route().transcoder()).orElseThrow(() ->
                new FailureException(Failure.of(FailureCategory.CONFIGURATION, "there is no bulk work queue for " + asset.kind().label())));
        String why = "reprocess: " + profile + " v" + made + " -> v" + newest.getAsInt() + ", asked by " + by;
        RouteInfo route = asset.route().relabelled(Priority.BULK).inWorkQueue(queue.name());
        Optional<Asset> reopened = assets.reopenToRedo(asset, route, why, clock.instant(), by);
        if (reopened.isEmpty()) {
            return new ReprocessOutcome.NotFinished(assets.find(id).orElse(asset));
        }
        try {
            dispatcher.dispatch(WorkMessage.of(reopened.get(), why, clock.instant()));
        } catch (FailureException e) {
            assets.putBack(asset, reopened.get());
            throw e;
        }
        return new ReprocessOutcome.Sent(reopened.get(), made, newest.getAsInt(), queue.name());
    }

    /** The newest version of {@code profile} the asset has renditions of. */
    public static OptionalInt madeWith(List<Rendition> renditions, String profile) {
        return renditions.stream().filter(r -> r.profile().equals(profile) && r.state() == RenditionState.DONE)
                .mapToInt(Rendition::profileVersion).max();
    }
}
