package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.shadow.ShadowLedger;
import dev.assetflow.domain.shadow.ShadowResult;
import dev.assetflow.domain.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shadow copy of an asset's work (README, "Shadow pipeline"): the renderer, with the shadow profile, makes
 * every rendition into {@code shadow/{assetId}/{profile}/v{version}/}; nothing about the asset changes, no event
 * is published, and a failure is recorded rather than retried (a shadow must never cost the real work a retry,
 * a dead letter or a failed asset).
 */
final class ShadowRun {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRun.class);
    private final ObjectStore store;
    private final ShadowLedger ledger;
    private final String bucket;
    private final long maxSourceBytes;
    private final JobWorkspace workspace;
    private final Clock clock;

    ShadowRun(ObjectStore store, ShadowLedger ledger, String bucket, long maxSourceBytes, JobWorkspace workspace, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.bucket = bucket;
        this.maxSourceBytes = maxSourceBytes;
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Where a shadow run's renditions live: {@code shadow/{assetId}/{profile}/v{version}/}. */
    public static String prefix(String assetId, String profile, int profileVersion) {
        return "shadow/" + assetId + "/" + profile + "/v" + profileVersion + "/";
    }

    WorkOutcome run(Asset asset, WorkMessage work, Instant deadline, Renderer renderer) {
        String production = asset.route() == null ? null : asset.route().profile();
        Instant started = clock.instant();
        try (JobWorkspace.Job job = workspace.open()) {
            Optional<WorkOutcome> handedOff = renderer.handOff(asset, work); // a long video's shadow is made in chunks too
            if (handedOff.isPresent()) {
                return handedOff.get();
            }
            Path source = null;
            if (renderer.needsSource()) {
                if (asset.source().sizeBytes() > maxSourceBytes) {
                    return recorded(new ShadowResult(asset.id().value(), work.route().profile(), 0, production, started, 0,
                            "the original is over this worker's " + maxSourceBytes + " bytes", List.of()));
                }
                job.requireSpace(asset.source().sizeBytes(), "the original");
                source = job.file("source");
                store.download(asset.source().bucket(), asset.source().key(), source);
            }
            RenditionPlan plan = renderer.plan(asset, work, source);
            job.requireSpace(renderer.workBytesEstimate(plan, plan.renditions(), asset.source().sizeBytes()), "the renditions");
            Instant rendering = clock.instant();
            List<ProducedRendition> produced = renderer.produce(plan, plan.renditions(), source, job.newDirectory("shadow-"),
                    Duration.between(rendering, deadline));
            // on the segmented path: every chunk's encode and the assembly, as production records it
            long renderMillis = renderer.encodedBeforeMillis() + Duration.between(rendering, clock.instant()).toMillis();
            String prefix = prefix(asset.id().value(), plan.profile(), plan.profileVersion());
            List<ShadowResult.Made> made = new ArrayList<>();
            for (ProducedRendition rendition : produced) {
                long bytes = rendition.storedBytes();
                for (Map.Entry<String, Path> file : rendition.files().entrySet()) {
                    bytes += store.upload(bucket, prefix + file.getKey(), file.getValue(), ContentTypes.of(file.getKey()),
                            RenditionWorkflow.IMMUTABLE);
                }
                RenditionPlan.Planned planned = rendition.planned();
                made.add(new ShadowResult.Made(planned.name(), bucket, prefix + rendition.mainKey(), planned.contentType(), bytes,
                        planned.width(), planned.height(), planned.durationSeconds()));
            }
            return recorded(new ShadowResult(asset.id().value(), plan.profile(), plan.profileVersion(), production, started,
                    renderMillis, null, made));
        } catch (FailureException e) {
            return failed(asset, work, e.failure(), started);
        } catch (RuntimeException e) {
            LOG.warn("shadow of asset {} broke", asset.id(), e);
            return recorded(new ShadowResult(asset.id().value(), work.route().profile(), 0, production, started, 0,
                    "INTERNAL: " + e, List.of()));
        }
    }

    /** The shadow failed for {@code failure}; it started at {@code started} (for a part made elsewhere: when it failed). */
    WorkOutcome failed(Asset asset, WorkMessage work, Failure failure, Instant started) {
        return recorded(new ShadowResult(asset.id().value(), work.route().profile(), 0, asset.route() == null ? null : asset.route().profile(),
                started, 0, failure.category() + ": " + failure.reason(), List.of()));
    }

    private WorkOutcome recorded(ShadowResult result) {
        ledger.record(result);
        LOG.info("shadow of asset {} with {} v{}: {}", result.assetId(), result.profile(), result.profileVersion(),
                result.failed() ? "failed, recorded: " + result.failure() : result.renditions().size() + " renditions in "
                        + result.renderMillis() + " ms");
        return new WorkOutcome.Done("shadow " + result.profile() + (result.failed() ? " failed: " + result.failure()
                : ": " + result.renditions().size() + " renditions"));
    }
}
