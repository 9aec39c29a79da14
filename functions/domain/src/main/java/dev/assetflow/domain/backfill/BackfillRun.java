package dev.assetflow.domain.backfill;

import dev.assetflow.domain.asset.SourceObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A controlled backfill's checkpoint: where the listing of {@code bucket}/{@code prefix} is ({@code nextToken}),
 * the batch being introduced ({@code batch}, the first {@code introduced} of which were sent), and the totals.
 * Saved after every step, conditional on {@code version}, so a crash resumes where the last save left it and two
 * runners of one backfill cannot both advance it. {@code counting}: how many objects the prefix holds, counted a
 * page at a time before the first batch, for the ETA.
 */
public record BackfillRun(String runId, String bucket, String prefix, int batchSize, double ratePerSecond, State state,
        String nextToken, boolean listingDone, int batchNumber, List<SourceObject> batch, int introduced, long introducedTotal,
        long settledTotal, Map<String, Long> outcomes, Instant startedAt, Instant batchStartedAt, Counting counting, long version) {

    /** The count of the prefix's objects so far, where its listing is, and whether it is complete. */
    public record Counting(long objects, String token, boolean done) {
        /** A run checkpointed before runs were counted: its total is not known. */
        static final Counting UNKNOWN = new Counting(-1, null, true);
    }

    /** RUNNING advances; PAUSED and STOPPED hold (a runner stops at its next step); DONE: everything settled. */
    public enum State { RUNNING, PAUSED, STOPPED, DONE }

    public BackfillRun {
        batch = batch == null ? List.of() : List.copyOf(batch);
        outcomes = outcomes == null ? Map.of() : Map.copyOf(new TreeMap<>(outcomes));
        counting = counting == null ? Counting.UNKNOWN : counting;
    }

    public static BackfillRun start(String runId, String bucket, String prefix, int batchSize, double ratePerSecond, Instant now) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("a batch is 1-1000 objects (one listing page), not " + batchSize);
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the rate is a positive number of objects per second");
        }
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, State.RUNNING, null, false, 0, List.of(), 0, 0, 0,
                Map.of(), now, null, new Counting(0, null, false), 0);
    }

    public BackfillRun withState(State to) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, to, nextToken, listingDone, batchNumber, batch,
                introduced, introducedTotal, settledTotal, outcomes, startedAt, batchStartedAt, counting, version);
    }

    /** The same checkpoint as the next stored version. */
    public BackfillRun nextVersion() {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, nextToken, listingDone, batchNumber, batch,
                introduced, introducedTotal, settledTotal, outcomes, startedAt, batchStartedAt, counting, version + 1);
    }

    /** The next page of the listing becomes the batch. */
    BackfillRun nextBatch(List<SourceObject> objects, String token, Instant now) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, token, token == null, batchNumber + 1, objects,
                0, introducedTotal, settledTotal, outcomes, startedAt, now, counting, version);
    }

    BackfillRun introducedUpTo(int count) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, nextToken, listingDone, batchNumber, batch,
                count, introducedTotal + (count - introduced), settledTotal, outcomes, startedAt, batchStartedAt, counting, version);
    }

    /** The batch settled: its outcomes (terminal state, or failure category) added to the totals. */
    BackfillRun settled(Map<String, Long> batchOutcomes) {
        Map<String, Long> all = new TreeMap<>(outcomes);
        batchOutcomes.forEach((outcome, count) -> all.merge(outcome, count, Long::sum));
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, listingDone ? State.DONE : state, nextToken,
                listingDone, batchNumber, List.of(), 0, introducedTotal, settledTotal + batch.size(), all, startedAt, null, counting, version);
    }

    /** {@code more} objects counted, the listing now at {@code token} (null: the count is complete). */
    BackfillRun counted(long more, String token) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, nextToken, listingDone, batchNumber, batch,
                introduced, introducedTotal, settledTotal, outcomes, startedAt, batchStartedAt,
                new Counting(counting.objects() + more, token, token == null), version);
    }

    /** How many objects the run brings in, once counted. */
    public OptionalLong objectsTotal() {
        return counting.done() && counting.objects() >= 0 ? OptionalLong.of(counting.objects()) : OptionalLong.empty();
    }

    /**
     * How long the objects not settled yet take at {@code assetsPerSecond}; empty before the count is complete or while
     * nothing has settled. Objects added under the prefix after the count make it an estimate.
     */
    public Optional<Duration> eta(double assetsPerSecond) {
        if (objectsTotal().isEmpty() || !(assetsPerSecond > 0)) {
            return Optional.empty();
        }
        long left = Math.max(0, objectsTotal().getAsLong() - settledTotal);
        return Optional.of(Duration.ofSeconds(Math.round(left / assetsPerSecond)));
    }

    public boolean batchOpen() {
        return !batch.isEmpty();
    }
}
