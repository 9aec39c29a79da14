package dev.assetflow.domain.backfill;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.upload.UploadPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A controlled backfill, one step at a time (README, "Controlled backfill"): list the next page of the prefix as a
 * batch; introduce its objects to ingest at bulk priority, no faster than the run's rate; wait until every asset
 * of the batch is terminal; add its outcomes to the totals; repeat. Every step ends with a conditional save of the
 * checkpoint, so a runner that dies resumes from the last one without redoing finished batches (an object
 * introduced twice is a no-op for ingest), and a pause or stop takes effect at the next step. The command runs
 * steps in a loop; the backfill function runs one per invocation and sends itself the next.
 */
public final class Backfill {
    /** How long one step introduces objects before it saves its progress. */
    static final Duration STEP = Duration.ofSeconds(10);
    /** How often a batch whose assets are not all terminal is looked at again. */
    public static final Duration SETTLE_POLL = Duration.ofSeconds(3);
    /** The largest ListObjectsV2 page: counting reads keys only, as fast as S3 lists them. */
    static final int COUNT_PAGE = 1000;

    private final BackfillCheckpoints checkpoints;
    private final ObjectListing listing;
    private final BackfillIntroducer introducer;
    private final AssetRepository assets;
    private final Consumer<Duration> pause;
    private final Clock clock;

    /** What one step did. */
    public sealed interface Step {
        /** Progress was made or is awaited; step again after {@code after}. */
        record Advanced(BackfillRun run, String what, Duration after) implements Step {}

        /** Paused, stopped or done: nothing more until the state changes. */
        record Halted(BackfillRun run) implements Step {}
    }

    /** @param pause waits between two introductions (the rate); {@code Thread::sleep} in production */
    public Backfill(BackfillCheckpoints checkpoints, ObjectListing listing, BackfillIntroducer introducer, AssetRepository assets,
            Consumer<Duration> pause, Clock clock) {
        this.checkpoints = checkpoints;
        this.listing = listing;
        this.introducer = introducer;
        this.assets = assets;
        this.pause = pause;
        this.clock = clock;
    }

    public Step step(String runId) {
        BackfillRun run = checkpoints.load(runId).orElseThrow(() -> new IllegalArgumentException("no backfill run " + runId));
        if (run.state() != BackfillRun.State.RUNNING) {
            return new Step.Halted(run);
        }
        if (!run.counting().done()) {
            return count(run);
        }
        if (!run.batchOpen()) {
            return list(run);
        }
        if (run.introduced() < run.batch().size()) {
            return introduce(run);
        }
        return settle(run);
    }

    /** Counts the prefix's objects for the ETA, whole listing pages for up to {@link #STEP}, then saves where it is. */
    private Step count(BackfillRun run) {
        Instant until = clock.instant().plus(STEP);
        BackfillRun counted = run;
        do {
            ObjectListing.Page page = listing.page(run.bucket(), run.prefix(), counted.counting().token(), COUNT_PAGE);
            counted = counted.counted(page.objects().size(), page.nextToken());
        } while (!counted.counting().done() && clock.instant().isBefore(until));
        return saved(counted, (counted.counting().done() ? "counted " : "counting: ") + counted.counting().objects() + " objects under s3://"
                + run.bucket() + "/" + run.prefix(), Duration.ZERO);
    }

    private Step list(BackfillRun run) {
        ObjectListing.Page page = listing.page(run.bucket(), run.prefix(), run.nextToken(), run.batchSize());
        BackfillRun next = run.nextBatch(page.objects(), page.nextToken(), clock.instant());
        if (next.batch().isEmpty()) {
            next = next.settled(Map.of());
        }
        return saved(next, "batch " + next.batchNumber() + ": " + next.batch().size() + " objects listed", Duration.ZERO);
    }

    private Step introduce(BackfillRun run) {
        List<SourceObject> batch = run.batch();
        long perStep = Math.max(1, Math.round(run.ratePerSecond() * STEP.toSeconds()));
        int until = (int) Math.min(batch.size(), run.introduced() + perStep);
        Duration gap = Duration.ofNanos(Math.round(1_000_000_000L / run.ratePerSecond()));
        for (int i = run.introduced(); i < until; i++) {
            if (i > run.introduced()) {
                pause.accept(gap);
            }
            introducer.introduce(run.runId(), batch.get(i));
        }
        return saved(run.introducedUpTo(until), "batch " + run.batchNumber() + ": " + until + " of " + batch.size() + " introduced",
                Duration.ZERO);
    }

    private Step settle(BackfillRun run) {
        Map<String, Long> outcomes = new TreeMap<>();
        int pending = 0;
        for (SourceObject object : run.batch()) {
            Optional<Asset> asset = assets.find(UploadPolicy.assetIdFor(object));
            if (asset.isEmpty() || !asset.get().state().isTerminal()) {
                pending++;
            } else {
                outcomes.merge(outcome(asset.get()), 1L, Long::sum);
            }
        }
        if (pending > 0) {
            return new Step.Advanced(run, "batch " + run.batchNumber() + ": " + pending + " of " + run.batch().size()
                    + " assets not settled yet", SETTLE_POLL);
        }
        return saved(run.settled(outcomes), "batch " + run.batchNumber() + " settled: " + outcomes, Duration.ZERO);
    }

    /** READY or PARTIAL, or the failed state with its category: what the totals count. */
    static String outcome(Asset asset) {
        return switch (asset.state()) {
            case FAILED, QUARANTINED -> asset.state() + "/" + (asset.failure() == null ? "UNKNOWN" : asset.failure().category());
            default -> asset.state().name();
        };
    }

    private Step saved(BackfillRun run, String what, Duration wait) {
        return checkpoints.save(run).<Step>map(stored -> new Step.Advanced(stored, what, wait))
                .orElseGet(() -> new Step.Advanced(checkpoints.load(run.runId()).orElse(run),
                        "the checkpoint changed meanwhile (a pause, a stop, or another runner); stepping again from it", Duration.ZERO));
    }
}
