package dev.assetflow.domain.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.HistoryEntry;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.latency.StageLatencies.Percentiles;
import dev.assetflow.domain.latency.StageLatencies.Stage;
import dev.assetflow.domain.latency.StageLatencies.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StageLatenciesTest {
    private static final Instant SINCE = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant UNTIL = SINCE.plus(Duration.ofHours(1));

    @Test
    void eachStageIsMeasuredFromTheStateBeforeItAndSummarisedByNearestRank() {
        // transcode takes 1..100 s; every other stage a fixed time
        List<Asset> assets = IntStream.rangeClosed(1, 100).mapToObj(i -> run(SINCE.plusSeconds(i * 10), 2, 1, 5, i, AssetState.READY)).toList();

        Summary summary = StageLatencies.of(assets, SINCE, UNTIL, 12);

        assertThat(summary.assets()).isEqualTo(100);
        Percentiles transcode = stage(summary, Stage.TRANSCODE);
        assertThat(transcode.samples()).isEqualTo(100);
        assertThat(transcode.p50Millis()).isEqualTo(50_000);
        assertThat(transcode.p95Millis()).isEqualTo(95_000);
        assertThat(transcode.p99Millis()).isEqualTo(99_000);
        assertThat(transcode.maxMillis()).isEqualTo(100_000);
        assertThat(stage(summary, Stage.INGEST).p99Millis()).isEqualTo(2_000);
        assertThat(stage(summary, Stage.ROUTE).p50Millis()).isEqualTo(1_000);
        assertThat(stage(summary, Stage.QUEUE_WAIT).p50Millis()).isEqualTo(5_000);
        assertThat(stage(summary, Stage.TOTAL).p50Millis()).isEqualTo(58_000);
    }

    @Test
    void onlyAssetsFinishedInTheWindowCountAndThroughputSplitsThemByOutcome() {
        List<Asset> assets = new ArrayList<>();
        assets.add(run(SINCE.plusSeconds(60), 1, 1, 1, 10, AssetState.READY));      // ends in the first 5-minute slice
        assets.add(run(SINCE.plusSeconds(400), 1, 1, 1, 10, AssetState.PARTIAL));   // the second
        assets.add(run(SINCE.minusSeconds(3600), 1, 1, 1, 10, AssetState.READY));   // before the window
        assets.add(run(UNTIL.minusSeconds(5), 1, 1, 1, 10, AssetState.READY));       // ends after it
        assets.add(unfinished(SINCE.plusSeconds(30)));

        Summary summary = StageLatencies.of(assets, SINCE, UNTIL, 12);

        assertThat(summary.assets()).isEqualTo(2);
        assertThat(summary.throughput()).hasSize(12);
        assertThat(summary.throughput().get(0)).isEqualTo(new StageLatencies.Slice(SINCE, 1, 0, 0));
        assertThat(summary.throughput().get(1)).isEqualTo(new StageLatencies.Slice(SINCE.plusSeconds(300), 0, 1, 0));
        assertThat(summary.throughput().stream().mapToInt(s -> s.ready() + s.partial() + s.failed()).sum()).isEqualTo(2);
    }

    @Test
    void aQuarantinedUploadHasNoQueueOrTranscodeStageAndCountsAsFailedThroughput() {
        Asset quarantined = asset(SINCE.plusSeconds(10), List.of(
                entry(AssetState.RECEIVED, AssetState.QUARANTINED, SINCE.plusSeconds(13))));

        Summary summary = StageLatencies.of(List.of(quarantined), SINCE, UNTIL, 4);

        assertThat(summary.stages()).extracting(Percentiles::stage).containsExactly(Stage.TOTAL);
        assertThat(stage(summary, Stage.TOTAL).p50Millis()).isEqualTo(3_000);
        assertThat(summary.throughput().get(0).failed()).isEqualTo(1);
    }

    @Test
    void nearestRankAlwaysAnswersAMeasuredValue() {
        assertThat(StageLatencies.rank(new long[] {7}, 99)).isEqualTo(7);
        assertThat(StageLatencies.rank(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(StageLatencies.rank(new long[] {1, 2, 3, 4}, 95)).isEqualTo(4);
    }

    private static Percentiles stage(Summary summary, Stage stage) {
        return summary.stages().stream().filter(p -> p.stage() == stage).findFirst().orElseThrow();
    }

    /** An asset uploaded at {@code created} whose stages took the given seconds. */
    private static Asset run(Instant created, int ingest, int route, int wait, int transcode, AssetState end) {
        Instant classified = created.plusSeconds(ingest);
        Instant queued = classified.plusSeconds(route);
        Instant processing = queued.plusSeconds(wait);
        return asset(created, List.of(
                entry(AssetState.RECEIVED, AssetState.CLASSIFIED, classified),
                entry(AssetState.CLASSIFIED, AssetState.QUEUED, queued),
                entry(AssetState.QUEUED, AssetState.PROCESSING, processing),
                entry(AssetState.PROCESSING, end, processing.plusSeconds(transcode))));
    }

    private static Asset unfinished(Instant created) {
        return asset(created, List.of(entry(AssetState.RECEIVED, AssetState.CLASSIFIED, created.plusSeconds(1))));
    }

    private static HistoryEntry entry(AssetState from, AssetState to, Instant at) {
        return new HistoryEntry(from, to, at, "test", null, null, null);
    }

    private static Asset asset(Instant created, List<HistoryEntry> history) {
        HistoryEntry last = history.getLast();
        return new Asset(AssetId.random(), last.to(), new SourceObject("b", "uploads/k", "etag", null, 1), "image/png",
                "image/png", MediaKind.IMAGE, Map.of(), null, null, created, last.at(), true, history);
    }
}
