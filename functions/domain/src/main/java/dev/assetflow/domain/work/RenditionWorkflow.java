package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureClass;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.storage.ObjectStore;
import java.nio.file.Path;
import dev.assetflow.domain.shadow.ShadowLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every worker does around its {@link Renderer}: QUEUED → PROCESSING, the size and temp-space
 * limits, a per-job workspace that is always removed, the original downloaded once, only the
 * renditions without a checkpoint produced, and per rendition: upload, checkpoint, rendition.ready;
 * then READY and asset.ready. Permanent input failures end the asset FAILED with their reason; a
 * repeated or resumed message redoes only what has no checkpoint. A renderer may hand the work on before
 * anything is downloaded (a segmented video's fan-out), or work from what is already in the bucket and
 * download nothing (its assembly), which then ends the asset here exactly as the one-invocation path does.
 */
public final class RenditionWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(RenditionWorkflow.class);
    /** Below this, starting the expensive step is pointless: let the message come back to a fresh invocation. */
    private static final Duration MINIMUM_TIME = Duration.ofSeconds(2);
    /**
     * Renditions live under their profile version and never change once written, so browsers and
     * CloudFront may keep them for a year without revalidating
     * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cache-Control#immutable).
     */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final String worker;
    private final AssetRepository assets;
    private final ObjectStore store;
    private final EventOutbox outbox;
    private final String renditionsBucket;
    private final long maxSourceBytes;
    private final JobWorkspace workspace;
    private final Clock clock;

    private final ShadowRun shadows;

    public RenditionWorkflow(String worker, AssetRepository assets, ObjectStore store, EventOutbox outbox,
            String renditionsBucket, long maxSourceBytes, JobWorkspace workspace, ShadowLedger shadowLedger, Clock clock) {
        this.shadows = new ShadowRun(store, shadowLedger, renditionsBucket, maxSourceBytes, workspace, clock);
        this.worker = worker;
        this.assets = assets;
        this.store = store;
        this.outbox = outbox;
        this.renditionsBucket = renditionsBucket;
        this.maxSourceBytes = maxSourceBytes;
        this.workspace = workspace;
        this.clock = clock;
    }

    public WorkOutcome run(Asset asset, WorkMessage work, Instant deadline, Renderer renderer) {
        if (work.forShadow()) {
            return shadows.run(asset, work, deadline, renderer);
        }
        if (asset.reopenable() || asset.repairable() && work.requestsRepair()) {
            // a redrive brings back the message of an asset triage failed; the repair command, a PARTIAL one's
            asset = assets.reopen(asset, AssetState.QUEUED, clock.instant(), worker);
        }
        if (asset.state().isTerminal()) {
            outbox.announceTerminal(asset);
            return new WorkOutcome.Duplicate(asset.id() + " is already " + asset.state());
        }
        if (asset.state() == AssetState.QUEUED) {
            asset = assets.transition(asset, Transition.to(AssetState.PROCESSING, clock.instant(), worker,
                    "rendering profile " + work.route().profile())).asset();
            Optional<WorkOutcome> superseded = work.supersededBy(asset); // a priority change came between the read and the start
            if (superseded.isPresent()) {
                return superseded.get();
            }
        }
        if (asset.state() != AssetState.PROCESSING) {
            return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT,
                    "asset " + asset.id() + " is " + asset.state() + ", not ready for work yet"));
        }
        long sourceBytes = asset.source().sizeBytes();
        try (JobWorkspace.Job job = workspace.open()) {
            Optional<WorkOutcome> handedOff = renderer.handOff(asset, work);
            if (handedOff.isPresent()) {
                return handedOff.get();
            }
            Path source = null;
            if (renderer.needsSource()) {
                if (sourceBytes > maxSourceBytes) {
                    return fail(asset, Failure.of(FailureCategory.LIMIT_EXCEEDED, "the original is " + sourceBytes
                            + " bytes; this worker accepts up to " + maxSourceBytes));
                }
                job.requireSpace(sourceBytes, "the original");
                source = job.file("source"); // never the uploader's file name: it never reaches a tool
                store.download(asset.source().bucket(), asset.source().key(), source);
            }
            return render(asset, work, renderer, source, job, deadline);
        } catch (FailureException e) {
            if (e.failure().category().failureClass() == FailureClass.PERMANENT_INPUT) {
                return fail(asset, e.failure());
            }
            throw e;
        }
    }

    private WorkOutcome render(Asset asset, WorkMessage work, Renderer renderer, Path source, JobWorkspace.Job job,
            Instant deadline) {
        RenditionPlan planned = renderer.plan(asset, work, source);
        Map<String, Object> media = asset.mediaWith(planned.media());
        if (!planned.media().isEmpty() && !media.equals(asset.media())) {
            assets.recordMedia(asset.id(), media);
        }
        List<Rendition> recorded = assets.renditions(asset.id()); // one read: this version's checkpoints and earlier versions'
        Set<String> done = ofVersion(recorded, planned).stream()
                .filter(r -> r.state() == RenditionState.DONE).map(Rendition::name).collect(Collectors.toSet());
        Keeping keeping = keepUnchanged(asset, planned, recorded,
                planned.renditions().stream().filter(p -> !done.contains(p.name())).toList());
        RenditionPlan plan = keeping.plan();
        List<RenditionPlan.Planned> missing = keeping.toMake();
        LOG.info("asset {}: {} renditions planned, {} already done", asset.id(), plan.renditions().size(),
                plan.renditions().size() - missing.size());
        Map<String, Failure> lost = Map.of();
        Long renderMillis = null;
        if (!missing.isEmpty()) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(MINIMUM_TIME) < 0) {
                return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "only " + left.toMillis()
                        + " ms left in this invocation; " + missing.size() + " renditions to go"));
            }
            job.requireSpace(renderer.workBytesEstimate(plan, missing, asset.source().sizeBytes()), "the renditions");
            Path outDir = job.newDirectory("out-");
            Instant rendering = clock.instant();
            try {
                List<ProducedRendition> produced = renderer.produce(plan, missing, source, outDir, left);
                // the encode alone (not the uploads; a segmented video's chunks too), what a shadow run of another profile is compared with
                renderMillis = renderer.encodedBeforeMillis() + Duration.between(rendering, clock.instant()).toMillis();
                produced.forEach(made -> store(asset, plan, made));
            } catch (FailureException e) {
                if (!degradable(e, missing)) {
                    throw e;
                }
                LOG.warn("asset {}: producing {} renditions in one go failed ({}); producing the required ones, then each"
                        + " optional one on its own", asset.id(), missing.size(), e.failure());
                lost = degrade(renderer, asset, plan, missing, source, job, deadline);
            }
        }
        for (Rendition rendition : ofVersion(assets.renditions(asset.id()), plan)) {
            outbox.announceRendition(asset, rendition);
        }
        String summary = plan.renditions().size() - lost.size() + " of " + plan.renditions().size() + " renditions of "
                + plan.profile() + " v" + plan.profileVersion();
        Transition end = lost.isEmpty() ? Transition.to(AssetState.READY, clock.instant(), worker, summary)
                : Transition.to(AssetState.PARTIAL, clock.instant(), worker, summary).withFailure(Failure.of(
                        lost.values().iterator().next().category(), "missing " + String.join(", ", lost.keySet()) + ": "
                                + lost.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().reason())
                                .collect(Collectors.joining("; "))));
        // an encode by ffmpeg (here, or in chunks before the assembly), not a MediaConvert job's outputs
        if (renderMillis != null && (renderer.needsSource() || renderer.encodedBeforeMillis() > 0)) {
            Map<String, Object> timed = new java.util.LinkedHashMap<>(media);
            timed.put("renderMillis", renderMillis);
            end = end.withMedia(timed);
        }
        Asset ended = assets.transition(asset, end).asset();
        outbox.announceTerminal(ended);
        return new WorkOutcome.Done(asset.id() + " " + ended.state() + " with " + summary);
    }

    /**
     * A newer profile version's renditions whose definition an earlier version already made (same name, same format,
     * size and quality) are kept: checkpointed for this version on the earlier object, not made again (README,
     * "Reprocessing by profile version").
     * @return what is left to make, in a plan that knows where every kept rendition of this version is
     */
    private Keeping keepUnchanged(Asset asset, RenditionPlan plan, List<Rendition> recorded, List<RenditionPlan.Planned> missing) {
        Map<String, Rendition> kept = KeptRenditions.matching(recorded, plan.profile(), plan.profileVersion(), missing);
        kept.values().forEach(earlier -> assets.checkpointRendition(Rendition.keptFrom(earlier, plan.profileVersion(), clock.instant())));
        if (!kept.isEmpty()) {
            LOG.info("asset {}: {} renditions of {} v{} kept from earlier versions (unchanged), {} to make", asset.id(),
                    kept.size(), plan.profile(), plan.profileVersion(), missing.size() - kept.size());
        }
        String prefix = prefix(asset.id().value(), plan.profile(), plan.profileVersion());
        Map<String, String> keptAt = new LinkedHashMap<>();
        ofVersion(recorded, plan).stream() // kept by an earlier attempt of this version
                .filter(r -> r.state() == RenditionState.DONE && !r.key().startsWith(prefix))
                .forEach(r -> keptAt.put(r.name(), KeptRenditions.relative(prefix, r.key())));
        kept.forEach((name, earlier) -> keptAt.put(name, KeptRenditions.relative(prefix, earlier.key())));
        return new Keeping(plan.keeping(keptAt), missing.stream().filter(p -> !kept.containsKey(p.name())).toList());
    }

    private record Keeping(RenditionPlan plan, List<RenditionPlan.Planned> toMake) {}

    /** Only optional outputs may be given up, and only for a reason another attempt would not fix. */
    private static boolean degradable(FailureException e, List<RenditionPlan.Planned> missing) {
        return e.failure().category().failureClass() != FailureClass.TRANSIENT
                && missing.stream().anyMatch(RenditionPlan.Planned::optional);
    }

    /**
     * The degraded path: the required renditions together (their failure fails the asset, as before),
     * then every optional one on its own, so one broken output costs only itself.
     * @return the optional renditions that could not be made, with why
     */
    private Map<String, Failure> degrade(Renderer renderer, Asset asset, RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source,
            JobWorkspace.Job job, Instant deadline) {
        List<RenditionPlan.Planned> required = missing.stream().filter(p -> !p.optional()).toList();
        if (!required.isEmpty()) {
            renderer.produce(plan, required, source, job.newDirectory("out-"), Duration.between(clock.instant(), deadline))
                    .forEach(produced -> store(asset, plan, produced));
        }
        Map<String, Failure> lost = new LinkedHashMap<>();
        for (RenditionPlan.Planned optional : missing.stream().filter(RenditionPlan.Planned::optional).toList()) {
            try {
                renderer.produce(plan, List.of(optional), source, job.newDirectory("out-"), Duration.between(clock.instant(), deadline))
                        .forEach(produced -> store(asset, plan, produced));
            } catch (FailureException e) {
                if (e.failure().category().failureClass() == FailureClass.TRANSIENT) {
                    throw e;
                }
                LOG.warn("asset {}: optional rendition {} given up: {}", asset.id(), optional.name(), e.failure());
                lost.put(optional.name(), e.failure());
            }
        }
        return lost;
    }

    private void store(Asset asset, RenditionPlan plan, ProducedRendition produced) {
        String prefix = prefix(asset.id().value(), plan.profile(), plan.profileVersion());
        long bytes = produced.storedBytes();
        // the entry point last: a player that finds the playlist finds every segment it names
        List<Map.Entry<String, Path>> files = produced.files().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Path> e) -> e.getKey().equals(produced.mainKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<String, Path> file : files) {
            bytes += store.upload(renditionsBucket, prefix + file.getKey(), file.getValue(), ContentTypes.of(file.getKey()),
                    IMMUTABLE);
        }
        RenditionPlan.Planned planned = produced.planned();
        assets.checkpointRendition(new Rendition(asset.id(), plan.profile(), plan.profileVersion(), planned.name(),
                RenditionState.DONE, renditionsBucket, prefix + produced.mainKey(), planned.contentType(), bytes,
                planned.width(), planned.height(), false, clock.instant(), planned.definition()));
    }

    /** Where an asset's renditions of a profile version live: {@code renditions/{assetId}/{profile}/v{version}/}. */
    public static String prefix(String assetId, String profile, int profileVersion) {
        return "renditions/" + assetId + "/" + profile + "/v" + profileVersion + "/";
    }

    /** Where {@code work}'s renditions go: the shadow prefix for a shadow copy ({@link ShadowRun#prefix}), else {@link #prefix}. */
    public static String prefix(WorkMessage work, String profile, int profileVersion) {
        return work.forShadow() ? ShadowRun.prefix(work.assetId(), profile, profileVersion)
                : prefix(work.assetId(), profile, profileVersion);
    }

    /**
     * A shadow copy's work failed for a reason of its input in a part made elsewhere (a segmented video's chunk): the
     * shadow is recorded as failed; the asset is not touched.
     */
    public WorkOutcome shadowFailed(Asset asset, WorkMessage work, Failure failure) {
        return shadows.failed(asset, work, failure, clock.instant());
    }

    private static List<Rendition> ofVersion(List<Rendition> renditions, RenditionPlan plan) {
        return renditions.stream()
                .filter(r -> r.profile().equals(plan.profile()) && r.profileVersion() == plan.profileVersion())
                .toList();
    }

    private WorkOutcome fail(Asset asset, Failure failure) {
        Asset failed = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), worker, "")
                .withFailure(failure)).asset();
        outbox.announceTerminal(failed);
        return new WorkOutcome.Settled(failure);
    }
}
