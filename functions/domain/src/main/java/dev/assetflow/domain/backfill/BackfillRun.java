package dev.assetflow.domain.backfill;

import dev.assetflow.domain.asset.SourceObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A controlled backfill's checkpoint: where the listing of {@code bucket}/{@code prefix} is ({@code nextToken}),
 * the batch being introduced ({@code batch}, the first {@code introduced} of which were sent), and the totals.
 * Saved after every step, conditional on {@code version}, so a crash resumes where the last save left it and two
 * runners of one backfill cannot both advance it.
 */
public record BackfillRun(String runId, String bucket, String prefix, int batchSize, double ratePerSecond, State state,
        String nextToken, boolean listingDone, int batchNumber, List<SourceObject> batch, int introduced, long introducedTotal,
        long settledTotal, Map<String, Long> outcomes, Instant startedAt, Instant batchStartedAt, long version) {

    /** RUNNING advances; PAUSED and STOPPED hold (a runner stops at its next step); DONE: everything settled. */
    public enum State { RUNNING, PAUSED, STOPPED, DONE }

    public BackfillRun {
        batch = batch == null ? List.of() : List.copyOf(batch);
        outcomes = outcomes == null ? Map.of() : Map.copyOf(new TreeMap<>(outcomes));
    }

    public static BackfillRun start(String runId, String bucket, String prefix, int batchSize, double ratePerSecond, Instant now) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("a batch is 1-1000 objects (one listing page), not " + batchSize);
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the rate is a positive number of objects per second");
        }
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, State.RUNNING, null, false, 0, List.of(), 0, 0, 0,
                Map.of(), now, null, 0);
    }

    public BackfillRun withState(State to) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, to, nextToken, listingDone, batchNumber, batch,
                introduced, introducedTotal, settledTotal, outcomes, startedAt, batchStartedAt, version);
    }

    /** The same checkpoint as the next stored version. */
    public BackfillRun nextVersion() {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, nextToken, listingDone, batchNumber, batch,
                introduced, introducedTotal, settledTotal, outcomes, startedAt, batchStartedAt, version + 1);
    }

    /** The next page of the listing becomes the batch. */
    BackfillRun nextBatch(List<SourceObject> objects, String token, Instant now) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, token, token == null, batchNumber + 1, objects,
                0, introducedTotal, settledTotal, outcomes, startedAt, now, version);
    }

    BackfillRun introducedUpTo(int count) {
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, state, nextToken, listingDone, batchNumber, batch,
                count, introducedTotal + (count - introduced), settledTotal, outcomes, startedAt, batchStartedAt, version);
    }

    /** The batch settled: its outcomes (terminal state, or failure category) added to the totals. */
    BackfillRun settled(Map<String, Long> batchOutcomes) {
        Map<String, Long> all = new TreeMap<>(outcomes);
        batchOutcomes.forEach((outcome, count) -> all.merge(outcome, count, Long::sum));
        return new BackfillRun(runId, bucket, prefix, batchSize, ratePerSecond, listingDone ? State.DONE : state, nextToken,
                listingDone, batchNumber, List.of(), 0, introducedTotal, settledTotal + batch.size(), all, startedAt, null, version);
    }

    public boolean batchOpen() {
        return !batch.isEmpty();
    }
}
