package dev.assetflow.ingest;

import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.classify.Classification;
import dev.assetflow.domain.classify.Classifier;
import dev.assetflow.domain.classify.TypeDetector;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureClass;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.classify.MediaFacts;
import dev.assetflow.domain.classify.MediaInspector;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.work.WorkDispatcher;
import dev.assetflow.domain.routing.RoutingDecision;
import dev.assetflow.domain.routing.RoutingInput;
import dev.assetflow.domain.routing.RoutingRules;
import java.util.function.Supplier;
import dev.assetflow.domain.work.WorkMessage;
import java.time.Clock;
import dev.assetflow.domain.cost.CostEstimate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.assetflow.domain.asset.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one upload from RECEIVED to QUEUED (or FAILED / QUARANTINED), one conditional transition at a
 * time, resuming from whatever state a previous, interrupted attempt left the asset in. Uses ports only.
 */
final class AssetIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(AssetIngestion.class);
    static final String BY = "ingest";

    private final AssetRepository assets;
    private final ObjectStore store;
    private final Classifier classifier;
    private final MediaInspector inspector;
    private final Supplier<RoutingRules> rules;
    private final WorkDispatcher dispatcher;
    private final EventOutbox outbox;
    private final AssetCost cost;
    private final Clock clock;

    AssetIngestion(AssetRepository assets, ObjectStore store, Classifier classifier, MediaInspector inspector,
            Supplier<RoutingRules> rules, WorkDispatcher dispatcher, EventOutbox outbox, AssetCost cost, Clock clock) {
        this.assets = assets;
        this.store = store;
        this.classifier = classifier;
        this.inspector = inspector;
        this.rules = rules;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.cost = cost;
        this.clock = clock;
    }

    /** @return a one-line summary, recorded as the idempotent result */
    String ingest(AssetId id, SourceObject source) {
        return ingest(id, source, Optional.empty());
    }

    /** @param priority the class a backfill holds every route to, or empty */
    String ingest(AssetId id, SourceObject source, Optional<Priority> priority) {
        Optional<ObjectStore.StoredObject> stored = store.head(source.bucket(), source.key());
        Asset asset = assets.createIfAbsent(Asset.received(id, source,
                stored.map(ObjectStore.StoredObject::contentType).orElse(null), clock.instant(), BY));
        if (asset.reopenable()) { // its dead-lettered S3 event was redriven
            asset = assets.reopen(asset, AssetState.RECEIVED, clock.instant(), BY);
        }
        if (!asset.source().identity().equals(source.identity())) {
            LOG.warn("asset {} already tracks {}; the new revision {} is not processed again",
                    id, asset.source().identity(), source.identity());
        }
        if (asset.state() == AssetState.RECEIVED) {
            asset = stored.isEmpty()
                    ? fail(asset, Failure.of(FailureCategory.ORIGINAL_MISSING, "the original s3://" + source.bucket()
                            + "/" + source.key() + " no longer exists"))
                    : classify(asset);
        }
        if (asset.state() == AssetState.CLASSIFIED) {
            asset = route(asset, priority);
        }
        if (asset.state() == AssetState.QUEUED) {
            // also on a resumed attempt: a duplicate work message is harmless, a missing one loses the asset
            WorkMessage work = workMessage(asset, null);
            dispatcher.dispatch(work);
            if (asset.route().shadowProfile() != null) {
                dispatcher.dispatch(work.asShadow(clock.instant()));
            }
        }
        if (asset.state() == AssetState.QUARANTINED && !asset.terminalAnnounced()) {
            dispatcher.sendToReview(workMessage(asset, asset.failure() == null ? null : asset.failure().reason()));
        }
        outbox.announceTerminal(asset);
        return id + " " + asset.state() + (asset.route() == null ? "" : " via " + asset.route().rule());
    }

    private Asset classify(Asset asset) {
        SourceObject source = asset.source();
        byte[] prefix = source.sizeBytes() == 0 ? new byte[0]
                : store.readPrefix(source.bucket(), source.key(), TypeDetector.PREFIX_BYTES);
        Classification verdict = classifier.classify(prefix, source.sizeBytes(), source.fileName());
        Map<String, Object> media = null; // images and PDFs are measured by their worker
        if (needsProbe(verdict)) {
            // duration and size decide the route (and whether the in-function path can take it); the
            // streams decide whether a container that may hold either is video or audio
            try {
                MediaFacts facts = inspector.inspect(source);
                media = facts.summary();
                if (verdict instanceof Classification.AudioOrVideo container) {
                    verdict = container.withStreams(facts.hasVideoStream(), facts.hasAudioStream());
                }
            } catch (FailureException e) {
                if (e.failure().category().failureClass() != FailureClass.PERMANENT_INPUT) {
                    throw e;
                }
                return fail(asset, e.failure());
            }
        }
        return switch (verdict) {
            case Classification.Accepted accepted -> move(asset, Transition.to(AssetState.CLASSIFIED, clock.instant(), BY,
                            accepted.note() != null ? accepted.note() : "content is " + accepted.detectedType())
                    .withClassification(accepted.detectedType(), accepted.kind())
                    .withMedia(media));
            case Classification.Rejected rejected when rejected.failure().category() == FailureCategory.EMPTY_FILE ->
                    fail(asset, rejected.failure());
            case Classification.Rejected rejected -> move(asset, Transition.to(AssetState.QUARANTINED, clock.instant(), BY, "")
                    .withClassification(rejected.detectedType(), MediaKind.OTHER)
                    .withFailure(rejected.failure()));
            case Classification.AudioOrVideo unprobed -> throw new IllegalStateException("probed above: " + unprobed);
        };
    }

    private static boolean needsProbe(Classification verdict) {
        return switch (verdict) {
            case Classification.AudioOrVideo ignored -> true;
            case Classification.Accepted accepted -> accepted.kind() == MediaKind.VIDEO || accepted.kind() == MediaKind.AUDIO;
            case Classification.Rejected ignored -> false;
        };
    }

    private Asset route(Asset asset, Optional<Priority> priority) {
        RoutingDecision decision = held(rules.get().evaluate(RoutingInput.of(asset)), priority);
        return switch (decision) {
            case RoutingDecision.ToReview review -> {
                LOG.info("routing decision for {}: review by rule {} of config v{}", asset.id(), review.rule(), review.configVersion());
                yield move(asset, Transition.to(AssetState.QUARANTINED, clock.instant(), BY, "")
                        .withRoute(review.route())
                        .withFailure(Failure.of(FailureCategory.NO_MATCHING_RULE, review.reason())));
            }
            case RoutingDecision.ToWorkQueue work -> {
                LOG.info("routing decision for {}: {} queue, profile {}, by rule {} of config v{}", asset.id(),
                        work.queue().label(), work.profile(), work.rule(), work.configVersion());
                RouteInfo route = work.shadow() != null && work.shadow().selects(asset.id())
                        ? work.route().withShadow(work.shadow().profile()) : work.route();
                Optional<CostEstimate> estimate = cost.of(asset, work);
                Map<String, Object> media = estimate.map(e -> withCost(asset.media(), e)).orElse(null);
                if (estimate.isPresent() && work.maxCostUsd() != null && estimate.get().usd() > work.maxCostUsd()) {
                    yield move(asset, Transition.to(AssetState.QUARANTINED, clock.instant(), BY, "").withRoute(route).withMedia(media)
                            .withFailure(Failure.of(FailureCategory.COST_LIMIT, String.format(Locale.ROOT,
                                    "estimated at $%.4f (%s; prices of %s), over the cap of rule '%s': $%.4f (maxCostUsd)",
                                    estimate.get().usd(), estimate.get().basis(), estimate.get().pricesAsOf(), work.rule(),
                                    work.maxCostUsd()))));
                }
                Optional<WorkDispatcher.WorkQueue> queue = dispatcher.queueFor(asset.kind(), work.queue(), work.transcoder());
                if (queue.isEmpty()) {
                    yield move(asset, Transition.to(AssetState.QUARANTINED, clock.instant(), BY, "").withRoute(route).withMedia(media)
                            .withFailure(Failure.of(FailureCategory.CONFIGURATION, "rule '" + work.rule() + "' routes "
                                    + asset.kind().label() + " to the " + work.queue().label() + " queue"
                                    + (work.transcoder() == null ? "" : " for " + work.transcoder())
                                    + ", but this deployment has no such work queue")));
                }
                yield move(asset, Transition.to(AssetState.QUEUED, clock.instant(), BY, queued(work, route, queue.get()))
                        .withRoute(route.inWorkQueue(queue.get().name())).withMedia(media));
            }
        };
    }

    /** A backfill's objects go to its class (bulk) whatever class their rule names; review stays review. */
    private static RoutingDecision held(RoutingDecision decision, Optional<Priority> priority) {
        if (priority.isEmpty() || !(decision instanceof RoutingDecision.ToWorkQueue work)) {
            return decision;
        }
        return new RoutingDecision.ToWorkQueue(work.rule(), priority.get(), work.profile(), work.transcoder(), work.configVersion(),
                work.maxCostUsd(), work.shadow());
    }

    /** The probe's facts with the estimate beside them, under {@code cost}. */
    private static Map<String, Object> withCost(Map<String, Object> media, CostEstimate estimate) {
        Map<String, Object> updated = new LinkedHashMap<>(media);
        updated.put("cost", estimate.toMedia());
        return updated;
    }

    /** The history says where the work really waits, and for what: a queue without a consumer is no secret. */
    private static String queued(RoutingDecision.ToWorkQueue work, RouteInfo route, WorkDispatcher.WorkQueue queue) {
        String sent = "rule '" + work.rule() + "' sends it to the " + queue.name() + " queue (" + work.queue().label()
                + " priority, engine " + route.engine() + ")";
        return queue.consumed() ? sent
                : sent + "; nothing in this deployment consumes that queue yet, so it waits there for the " + route.engine() + " engine";
    }

    private Asset fail(Asset asset, Failure failure) {
        return move(asset, Transition.to(AssetState.FAILED, clock.instant(), BY, "").withFailure(failure));
    }

    private Asset move(Asset asset, Transition transition) {
        TransitionOutcome outcome = assets.transition(asset, transition);
        if (outcome instanceof TransitionOutcome.Refused refused) {
            LOG.info("asset {} is already {}; not moving it to {}", asset.id(), refused.asset().state(), refused.requested());
        }
        return outcome.asset();
    }

    private WorkMessage workMessage(Asset asset, String reason) {
        return WorkMessage.of(asset, reason, clock.instant());
    }
}
