package dev.assetflow.domain.video;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a video is transcoded, decided per asset from its estimated cost: in one invocation when the
 * estimate fits a share of the worker's budget, else in chunks on the HLS segment grid, each sized to fit
 * comfortably in one invocation (a rule may force either; MediaConvert is a third engine, not planned here).
 */
public sealed interface EnginePlan {

    EncodeEstimate estimate();

    record OneInvocation(EncodeEstimate estimate, double budgetCpuSeconds) implements EnginePlan {}

    record Segmented(EncodeEstimate estimate, double budgetCpuSeconds, List<Chunk> chunks) implements EnginePlan {
        public Segmented {
            chunks = List.copyOf(chunks);
        }
    }

    /**
     * One chunk: segments {@code firstSegment} to {@code firstSegment + segments - 1} of the global grid,
     * covering {@code [startSeconds, endSeconds)} of the source.
     */
    record Chunk(int index, int firstSegment, int segments, double startSeconds, double endSeconds) {}

    /**
     * What one worker invocation may spend: its timeout × its vCPUs (Lambda gives one per 1,769 MB,
     * https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html) × the share kept for encoding
     * (the rest is download, upload and start-up).
     */
    record WorkerBudget(Duration timeout, double vcpus, double share) {
        public WorkerBudget {
            if (timeout.isNegative() || timeout.isZero() || vcpus <= 0 || share <= 0 || share > 1) {
                throw new IllegalArgumentException("a budget needs a timeout, vCPUs and a share in (0, 1]");
            }
        }

        public static WorkerBudget ofLambda(Duration timeout, int memoryMb, double share) {
            return new WorkerBudget(timeout, memoryMb / 1769.0, share);
        }

        public double cpuSeconds() {
            return timeout.toMillis() / 1000.0 * vcpus * share;
        }
    }

    /** A chunk is given half a budget, so a slow host or a hard scene still finishes in one invocation. */
    double CHUNK_SHARE_OF_BUDGET = 0.5;

    /**
     * One invocation when the estimate fits {@code budget}, else chunks of at most {@code chunkCpuSeconds}
     * each (by default {@link #CHUNK_SHARE_OF_BUDGET} of the chunk worker's budget).
     */
    static EnginePlan choose(EncodeEstimate estimate, WorkerBudget budget, double chunkCpuSeconds, double durationSeconds,
            int segmentSeconds) {
        if (estimate.cpuSeconds() <= budget.cpuSeconds()) {
            return new OneInvocation(estimate, budget.cpuSeconds());
        }
        return segmented(estimate, budget, chunkCpuSeconds, durationSeconds, segmentSeconds);
    }

    /** Segmented whatever the estimate (a rule asked for it, or the original is too big to download), chunks of at most {@code chunkCpuSeconds}. */
    static Segmented segmented(EncodeEstimate estimate, WorkerBudget budget, double chunkCpuSeconds, double durationSeconds,
            int segmentSeconds) {
        return new Segmented(estimate, budget.cpuSeconds(), chunks(estimate, chunkCpuSeconds, durationSeconds, segmentSeconds));
    }

    /** The name GET /assets/{id} shows: {@code one-invocation} or {@code segmented}. */
    default String engine() {
        return switch (this) {
            case OneInvocation one -> "one-invocation";
            case Segmented segmented -> "segmented";
        };
    }

    /** What is recorded on the asset (under {@code media.transcode}): the engine, the estimate, the budget, the chunks. */
    default Map<String, Object> describe(String why) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("engine", engine());
        described.put("estimateCpuSeconds", Math.round(estimate().cpuSeconds() * 10) / 10.0);
        described.put("budgetCpuSeconds", Math.round(switch (this) {
            case OneInvocation one -> one.budgetCpuSeconds();
            case Segmented segmented -> segmented.budgetCpuSeconds();
        } * 10) / 10.0);
        if (this instanceof Segmented segmented) {
            described.put("chunks", segmented.chunks().size());
        }
        described.put("reason", why);
        return described;
    }

    /** Whole segments per chunk, as many as fit {@code chunkCpuSeconds}; at least one. */
    static List<Chunk> chunks(EncodeEstimate estimate, double chunkCpuSeconds, double durationSeconds, int segmentSeconds) {
        if (durationSeconds <= 0 || segmentSeconds <= 0) {
            throw new IllegalArgumentException("a duration and a segment length are needed to cut chunks");
        }
        int totalSegments = (int) Math.ceil(durationSeconds / segmentSeconds - 1e-9);
        double segmentCost = estimate.cpuSecondsPer(segmentSeconds, durationSeconds);
        int perChunk = (int) Math.max(1, Math.floor(chunkCpuSeconds / segmentCost));
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < totalSegments; first += perChunk) {
            int segments = Math.min(perChunk, totalSegments - first);
            chunks.add(new Chunk(chunks.size(), first, segments, first * (double) segmentSeconds,
                    Math.min(durationSeconds, (first + segments) * (double) segmentSeconds)));
        }
        return chunks;
    }
}
