package dev.assetflow.imageworker;

import dev.assetflow.aws.lambda.RecordOutcome;
import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureClass;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.image.ImageProfile;
import dev.assetflow.domain.image.ImageRenditionPlanner;
import dev.assetflow.domain.image.ImageRenditionSpec;
import dev.assetflow.domain.image.ProfileCatalog;
import dev.assetflow.domain.ports.AssetRepository;
import dev.assetflow.domain.ports.ObjectStore;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.ImageInfo;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.media.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces an image asset's renditions: limits first, then one ffmpeg process for every rendition
 * not yet checkpointed, then per rendition: upload, checkpoint, rendition.ready; finally READY and
 * asset.ready. A repeated or resumed message redoes only what has no checkpoint. Work files live in a
 * per-job directory that is always removed.
 */
final class ImageRenditionJob {
    private static final Logger LOG = LoggerFactory.getLogger(ImageRenditionJob.class);
    static final String BY = "image-worker";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    record Limits(long maxSourceBytes, long maxPixels) {}

    private final AssetRepository assets;
    private final ObjectStore store;
    private final MediaProbe probe;
    private final ImageRenderer renderer;
    private final ProfileCatalog profiles;
    private final EventOutbox outbox;
    private final Limits limits;
    private final String renditionsBucket;
    private final Clock clock;

    ImageRenditionJob(AssetRepository assets, ObjectStore store, MediaProbe probe, ImageRenderer renderer,
            ProfileCatalog profiles, EventOutbox outbox, Limits limits, String renditionsBucket, Clock clock) {
        this.assets = assets;
        this.store = store;
        this.probe = probe;
        this.renderer = renderer;
        this.profiles = profiles;
        this.outbox = outbox;
        this.limits = limits;
        this.renditionsBucket = renditionsBucket;
        this.clock = clock;
    }

    RecordOutcome run(Asset asset, WorkMessage work, Instant deadline) {
        if (asset.state().isTerminal()) {
            outbox.announceTerminal(asset);
            return new RecordOutcome.Duplicate(asset.id() + " is already " + asset.state());
        }
        if (asset.state() == AssetState.QUEUED) {
            asset = assets.transition(asset, Transition.to(AssetState.PROCESSING, clock.instant(), BY,
                    "rendering profile " + work.route().profile())).asset();
        }
        if (asset.state() != AssetState.PROCESSING) {
            return new RecordOutcome.Retry(Failure.of(FailureCategory.TRANSIENT,
                    "asset " + asset.id() + " is " + asset.state() + ", not ready for work yet"));
        }
        ImageProfile profile = profiles.image(work.route().profile()).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no image profile named '" + work.route().profile() + "'")));
        if (asset.source().sizeBytes() > limits.maxSourceBytes()) {
            return fail(asset, Failure.of(FailureCategory.LIMIT_EXCEEDED, "the original is " + asset.source().sizeBytes()
                    + " bytes; images are limited to " + limits.maxSourceBytes()));
        }
        Path jobDir = createJobDirectory();
        try {
            return render(asset, profile, jobDir, deadline);
        } catch (FailureException e) {
            if (e.failure().category().failureClass() == FailureClass.PERMANENT_INPUT) {
                return fail(asset, e.failure());
            }
            throw e;
        } finally {
            deleteRecursively(jobDir);
        }
    }

    private RecordOutcome render(Asset asset, ImageProfile profile, Path jobDir, Instant deadline) {
        Path source = jobDir.resolve("source"); // never the uploader's file name: it never reaches a tool
        store.download(asset.source().bucket(), asset.source().key(), source);
        ImageInfo info = probe.probeImage(source, PROBE_TIMEOUT);
        if (info.pixels() > limits.maxPixels()) {
            return fail(asset, Failure.of(FailureCategory.LIMIT_EXCEEDED, "the image is " + info.width() + "x"
                    + info.height() + " = " + info.pixels() + " pixels; the limit is " + limits.maxPixels()));
        }
        List<ImageRenditionSpec> plan = ImageRenditionPlanner.plan(profile, info.displayWidth(), info.displayHeight());
        Set<String> done = checkpoints(asset.id(), profile).stream()
                .filter(r -> r.state() == RenditionState.DONE).map(Rendition::name).collect(Collectors.toSet());
        List<ImageRenditionSpec> missing = plan.stream().filter(spec -> !done.contains(spec.name())).toList();
        LOG.info("asset {}: {} renditions planned, {} already done", asset.id(), plan.size(), plan.size() - missing.size());
        if (!missing.isEmpty()) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(Duration.ofSeconds(2)) < 0) {
                return new RecordOutcome.Retry(Failure.of(FailureCategory.TRANSIENT,
                        "only " + left.toMillis() + " ms left in this invocation; " + missing.size() + " renditions to go"));
            }
            for (ImageRenderer.Rendered rendered : renderer.render(source, missing, profile.quality(), jobDir, left)) {
                store(asset, profile, rendered);
            }
        }
        for (Rendition rendition : checkpoints(asset.id(), profile)) {
            outbox.announceRendition(asset, rendition);
        }
        Asset ready = assets.transition(asset, Transition.to(AssetState.READY, clock.instant(), BY,
                plan.size() + " renditions of " + profile.name() + " v" + profile.version())).asset();
        outbox.announceTerminal(ready);
        return new RecordOutcome.Done(asset.id() + " " + ready.state() + " with " + plan.size() + " renditions");
    }

    private void store(Asset asset, ImageProfile profile, ImageRenderer.Rendered rendered) {
        ImageRenditionSpec spec = rendered.spec();
        String key = "renditions/" + asset.id() + "/" + profile.name() + "/v" + profile.version() + "/" + spec.name();
        long bytes = store.upload(renditionsBucket, key, rendered.file(), spec.format().contentType());
        assets.checkpointRendition(new Rendition(asset.id(), profile.name(), profile.version(), spec.name(),
                RenditionState.DONE, renditionsBucket, key, spec.format().contentType(), bytes, spec.width(),
                spec.height(), false, clock.instant()));
    }

    private List<Rendition> checkpoints(AssetId id, ImageProfile profile) {
        return assets.renditions(id).stream()
                .filter(r -> r.profile().equals(profile.name()) && r.profileVersion() == profile.version())
                .toList();
    }

    private RecordOutcome fail(Asset asset, Failure failure) {
        Asset failed = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), BY, "")
                .withFailure(failure)).asset();
        outbox.announceTerminal(failed);
        return new RecordOutcome.Settled(failure);
    }

    private static Path createJobDirectory() {
        try {
            return Files.createTempDirectory("assetflow-job-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a job directory in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove job directory {}", dir, e);
        }
    }
}
