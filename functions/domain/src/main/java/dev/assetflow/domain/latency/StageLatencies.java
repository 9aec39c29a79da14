package dev.assetflow.domain.latency;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-stage latency summary of the status API ({@code GET /ops/latency}, README "Per-stage latency"): for the
 * assets that finished in a window, how long each stage of their first run took, as p50/p95/p99, and how many
 * finished per slice of the window (throughput). Stages are read off each asset's history, which every host
 * writes the same way: upload → CLASSIFIED (ingest: detect and classify), → QUEUED (route and send), → PROCESSING
 * (waiting in the work queue), → READY/PARTIAL (transcode), and the whole of it. Pure: the caller picks the assets.
 */
public final class StageLatencies {
    /** A stage: its name and the state that ends it, measured from the state before it. */
    public enum Stage {
        INGEST(AssetState.RECEIVED, AssetState.CLASSIFIED),
        ROUTE(AssetState.CLASSIFIED, AssetState.QUEUED),
        QUEUE_WAIT(AssetState.QUEUED, AssetState.PROCESSING),
        TRANSCODE(AssetState.PROCESSING, null),
        TOTAL(AssetState.RECEIVED, null);

        private final AssetState from;
        private final AssetState to; // null: the first terminal state

        Stage(AssetState from, AssetState to) {
            this.from = from;
            this.to = to;
        }
    }

    public record Percentiles(Stage stage, int samples, long p50Millis, long p95Millis, long p99Millis, long maxMillis) {}

    /** Assets that reached a terminal state in {@code [from, from + width)}. */
    public record Slice(Instant from, int ready, int partial, int failed) {}

    public record Summary(Instant since, Instant until, int assets, List<Percentiles> stages, List<Slice> throughput) {}

    private StageLatencies() {
    }

    public static Summary of(List<Asset> assets, Instant since, Instant until, int slices) {
        List<Asset> finished = assets.stream().filter(a -> terminal(a).map(t -> inWindow(t.at(), since, until)).orElse(false)).toList();
        List<Percentiles> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            long[] millis = finished.stream().flatMap(a -> duration(a, stage).stream()).mapToLong(Duration::toMillis).sorted().toArray();
            if (millis.length > 0) {
                stages.add(new Percentiles(stage, millis.length, rank(millis, 50), rank(millis, 95), rank(millis, 99), millis[millis.length - 1]));
            }
        }
        return new Summary(since, until, finished.size(), stages, throughput(finished, since, until, slices));
    }

    /** How long one stage of the asset's first run took; empty when the asset skipped it (a quarantined upload, say). */
    static Optional<Duration> duration(Asset asset, Stage stage) {
        Optional<Instant> start = stage.from == AssetState.RECEIVED ? Optional.of(asset.createdAt()) : entered(asset, stage.from);
        Optional<Instant> end = stage.to == null ? terminal(asset).map(HistoryEntry::at) : entered(asset, stage.to);
        if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(start.get(), end.get()));
    }

    private static Optional<Instant> entered(Asset asset, AssetState state) {
        return asset.history().stream().filter(h -> h.to() == state).map(HistoryEntry::at).findFirst();
    }

    private static Optional<HistoryEntry> terminal(Asset asset) {
        return asset.history().stream().filter(h -> h.to() != null && h.to().isTerminal()).findFirst();
    }

    /** Nearest rank (https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method): always a measured value. */
    static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static List<Slice> throughput(List<Asset> finished, Instant since, Instant until, int slices) {
        long width = Math.max(1, Duration.between(since, until).toMillis() / slices);
        int[][] counts = new int[slices][3];
        for (Asset asset : finished) {
            HistoryEntry end = terminal(asset).orElseThrow();
            int slice = (int) Math.min(slices - 1, Duration.between(since, end.at()).toMillis() / width);
            counts[slice][switch (end.to()) { case READY -> 0; case PARTIAL -> 1; default -> 2; }]++;
        }
        List<Slice> result = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            result.add(new Slice(since.plusMillis(i * width), counts[i][0], counts[i][1], counts[i][2]));
        }
        return result;
    }

    private static boolean inWindow(Instant at, Instant since, Instant until) {
        return !at.isBefore(since) && at.isBefore(until);
    }
}
