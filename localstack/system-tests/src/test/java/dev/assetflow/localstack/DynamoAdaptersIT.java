package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.idempotency.DynamoIdempotencyStore;
import dev.assetflow.aws.video.DynamoChunkLedger;
import dev.assetflow.domain.video.ChunkLedger;
import dev.assetflow.domain.video.ChunkResult;
import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.idempotency.Claim;
import dev.assetflow.domain.idempotency.Idempotency;
import dev.assetflow.domain.idempotency.IdempotencyKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapters' conditional writes, against DynamoDB's API on the local stack. */
@ExtendWith(LocalStackExtension.class)
class DynamoAdaptersIT {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void transitionsOnlyMoveForwardAndRecordTheirHistory(LocalStackExtension.Fixture fx) {
        DynamoAssetRepository assets = assets(fx);
        AssetId id = AssetId.random();
        Asset received = assets.createIfAbsent(Asset.received(id, new SourceObject("b", "k", "e", null, 10), "image/png", T0, "test"));
        assertThat(assets.createIfAbsent(Asset.received(id, new SourceObject("b", "other", "x", null, 1), null, T0, "again")))
                .as("a second create returns the stored asset").isEqualTo(received);

        TransitionOutcome classified = assets.transition(received, Transition.to(AssetState.CLASSIFIED, T0.plusSeconds(1), "test", "png")
                .withClassification("image/png", MediaKind.IMAGE));
        assertThat(classified).isInstanceOf(TransitionOutcome.Applied.class);
        assertThat(classified.asset().kind()).isEqualTo(MediaKind.IMAGE);

        TransitionOutcome stale = assets.transition(received, Transition.to(AssetState.CLASSIFIED, T0.plusSeconds(2), "test", "again"));
        assertThat(stale).as("a repeated transition from a stale read").isInstanceOf(TransitionOutcome.AlreadyThere.class);

        Asset queued = assets.transition(classified.asset(), Transition.to(AssetState.QUEUED, T0.plusSeconds(3), "test", "q")
                .withRoute(new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 4))).asset();
        TransitionOutcome backwards = assets.transition(received, Transition.to(AssetState.CLASSIFIED, T0.plusSeconds(4), "late", "late"));
        assertThat(backwards).isInstanceOfSatisfying(TransitionOutcome.Refused.class,
                refused -> assertThat(refused.asset().state()).isEqualTo(AssetState.QUEUED));
        TransitionOutcome illegal = assets.transition(queued, Transition.to(AssetState.READY, T0.plusSeconds(5), "test", "skip"));
        assertThat(illegal).isInstanceOf(TransitionOutcome.Refused.class);

        Asset stored = assets.find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo(AssetState.QUEUED);
        assertThat(stored.route()).isEqualTo(new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 4));
        assertThat(stored.history()).extracting(HistoryEntry::from, HistoryEntry::to).containsExactly(
                tuple(null, AssetState.RECEIVED),
                tuple(AssetState.RECEIVED, AssetState.CLASSIFIED),
                tuple(AssetState.CLASSIFIED, AssetState.QUEUED));
        assertThat(stored.history().get(2).rule()).isEqualTo("images");
        assertThat(stored.history().get(2).configVersion()).isEqualTo(4);
    }

    @Test
    void aRenditionCheckpointIsWrittenOnce(LocalStackExtension.Fixture fx) {
        DynamoAssetRepository assets = assets(fx);
        AssetId id = AssetId.random();
        assets.createIfAbsent(Asset.received(id, new SourceObject("b", "k", "e", null, 10), null, T0, "test"));
        Rendition done = new Rendition(id, "image-responsive", 1, "320w.webp", RenditionState.DONE, "r", "k/320w.webp",
                "image/webp", 99, 320, 180, false, T0);
        assertThat(assets.checkpointRendition(done)).isTrue();
        assertThat(assets.checkpointRendition(done)).isFalse();
        assets.markRenditionAnnounced(id, done.checkpointKey());
        assertThat(assets.renditions(id)).singleElement().satisfies(r -> {
            assertThat(r.announced()).isTrue();
            assertThat(r.width()).isEqualTo(320);
        });
    }

    @Test
    void idempotencyClaimsFollowPowertoolsSemantics(LocalStackExtension.Fixture fx) {
        DynamoIdempotencyStore store = new DynamoIdempotencyStore(fx.stack().clients().dynamoDb(),
                fx.stack().resources().tableName("idempotency"));
        IdempotencyKey key = IdempotencyKey.of("it", UUID.randomUUID().toString());
        Instant later = T0.plus(Duration.ofDays(1));

        assertThat(store.claim(key, "h", T0, T0.plusSeconds(60), later)).isInstanceOf(Claim.Acquired.class);
        assertThat(store.claim(key, "h", T0.plusSeconds(1), T0.plusSeconds(61), later))
                .isEqualTo(new Claim.InProgress(T0.plusSeconds(60)));
        assertThat(store.claim(key, "h", T0.plusSeconds(61), T0.plusSeconds(121), later))
                .as("a crashed holder's claim is taken over after its in-progress expiry").isInstanceOf(Claim.Acquired.class);
        store.complete(key, "h", "the result", later);
        assertThat(store.claim(key, "h", T0.plusSeconds(62), T0.plusSeconds(122), later))
                .isEqualTo(new Claim.Completed("h", "the result"));
        assertThat(store.claim(key, "h", later.plusSeconds(1), later.plusSeconds(61), later.plus(Duration.ofDays(1))))
                .as("an expired record no longer counts, even before TTL deletes it").isInstanceOf(Claim.Acquired.class);
        store.release(key);
        assertThat(store.claim(key, "h", T0, T0.plusSeconds(60), later)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void idempotentWorkRunsOnceAndReturnsTheRecordedResultAfterwards(LocalStackExtension.Fixture fx) {
        Idempotency idempotency = new Idempotency(new DynamoIdempotencyStore(fx.stack().clients().dynamoDb(),
                fx.stack().resources().tableName("idempotency")), Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofDays(1));
        IdempotencyKey key = IdempotencyKey.of("it", UUID.randomUUID().toString());
        List<String> runs = new ArrayList<>();
        assertThat(idempotency.execute(key, "h", () -> { runs.add("run"); return "r1"; }))
                .isEqualTo(new Idempotency.Outcome("r1", false));
        assertThat(idempotency.execute(key, "h", () -> { runs.add("run"); return "r2"; }))
                .isEqualTo(new Idempotency.Outcome("r1", true));
        assertThat(runs).hasSize(1);
    }

    @Test
    void chunksAreCountedOnceAndExactlyOneWriterCompletesTheSet(LocalStackExtension.Fixture fx) throws Exception {
        DynamoChunkLedger ledger = new DynamoChunkLedger(fx.stack().clients().dynamoDb(), fx.stack().resources().tableName("assets"));
        AssetId id = AssetId.random();
        int total = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ChunkLedger.Count>> counts = new ArrayList<>();
            for (int round = 0; round < 2; round++) { // every chunk message delivered twice, all at once
                for (int chunk = 0; chunk < total; chunk++) {
                    ChunkResult result = new ChunkResult(chunk, Map.of("720p", List.of(
                            new ChunkResult.Segment(2 * chunk, 4.0), new ChunkResult.Segment(2 * chunk + 1, 4.0))));
                    counts.add(pool.submit(() -> ledger.recordDone(id, "video-abr", 1, total, result)));
                }
            }
            List<ChunkLedger.Count> outcomes = new ArrayList<>();
            for (var count : counts) {
                outcomes.add(count.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(ChunkLedger.Count.Completed.class::isInstance).as("exactly one writer completes the set").hasSize(1);
            assertThat(outcomes).filteredOn(ChunkLedger.Count.AlreadyCounted.class::isInstance).as("every duplicate is seen").hasSize(total);
        } finally {
            pool.shutdownNow();
        }
        List<ChunkResult> results = ledger.results(id, "video-abr", 1);
        assertThat(results).extracting(ChunkResult::chunkIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(results.get(11).segmentsByRung().get("720p")).containsExactly(
                new ChunkResult.Segment(22, 4.0), new ChunkResult.Segment(23, 4.0));
        assertThat(ledger.recordDone(id, "video-abr", 1, total, results.get(3)))
                .as("a late duplicate learns the set is whole, so it can assemble again").isEqualTo(new ChunkLedger.Count.AlreadyCounted(total, total));
        assertThat(assets(fx).renditions(id)).as("chunk records are not renditions").isEmpty();
        assertThat(ledger.counted(id, "video-abr", 1)).hasSize(total).contains(0, 11);
        assertThat(ledger.counted(id, "video-abr", 2)).as("another profile version counts apart").isEmpty();
        assertThat(ledger.progress(id)).containsExactly(new ChunkLedger.Progress("video-abr", 1, total, total));
        assertThat(ledger.progress(AssetId.random())).isEmpty();
        java.time.Instant now = java.time.Instant.now();
        assertThat(ledger.claimAssembly(id, "video-abr", 1, now.plusSeconds(900), now)).as("the first claim holds").isTrue();
        assertThat(ledger.claimAssembly(id, "video-abr", 1, now.plusSeconds(900), now.plusSeconds(1))).as("a second, while it runs").isFalse();
        assertThat(ledger.claimAssembly(id, "video-abr", 1, now.plusSeconds(1900), now.plusSeconds(901)))
                .as("a claim whose invocation has ended expires").isTrue();
    }

    @Test
    void mediaIsReplacedOnlyFromWhatTheWriterRead(LocalStackExtension.Fixture fx) {
        DynamoAssetRepository assets = assets(fx);
        AssetId id = AssetId.random();
        assets.createIfAbsent(Asset.received(id, new SourceObject("b", "k", "e", null, 10), "video/mp4", T0, "test"));
        java.util.Map<String, Object> first = java.util.Map.of("transcode", java.util.Map.of("jobId", "j-1", "submission", 1));
        assertThat(assets.replaceMedia(id, java.util.Map.of(), first)).as("nothing recorded yet").isTrue();
        java.util.Map<String, Object> read = assets.find(id).orElseThrow().media();

        assertThat(assets.replaceMedia(id, read, java.util.Map.of("transcode", java.util.Map.of("submission", 2))))
                .as("from what is recorded").isTrue();
        assertThat(assets.replaceMedia(id, read, java.util.Map.of("transcode", java.util.Map.of("jobId", "j-1", "status", "PROGRESSING"))))
                .as("from a stale read").isFalse();
        assertThat(assets.find(id).orElseThrow().media()).isEqualTo(java.util.Map.of("transcode", java.util.Map.of("submission", 2)));
    }

    @Test
    void anAuditNoteAppendsWhoAskedAndChangesNothingElse(LocalStackExtension.Fixture fx) {
        DynamoAssetRepository assets = assets(fx);
        AssetAudit audit = new AssetAudit(assets, Clock.fixed(T0.plusSeconds(5), java.time.ZoneOffset.UTC));
        AssetId id = AssetId.random();
        Asset received = assets.createIfAbsent(Asset.received(id, new SourceObject("b", "k", "e", null, 10), "image/png", T0, "test"));

        assertThat(audit.note(id, "operator:ann", "repair asked")).isTrue();
        Asset noted = assets.find(id).orElseThrow();
        assertThat(noted.history()).last().isEqualTo(new HistoryEntry(AssetState.RECEIVED, AssetState.RECEIVED, T0.plusSeconds(5),
                "operator:ann", "repair asked", null, null));
        assertThat(noted.updatedAt()).as("a note is not an update of the asset").isEqualTo(received.updatedAt());
        assertThat(noted.state()).isEqualTo(AssetState.RECEIVED);
        assertThat(audit.note(received, "operator:bob", "as it was read")).isTrue();
        assertThat(audit.note(AssetId.random(), "operator:ann", "no such asset")).isFalse();
        assets.transition(noted, Transition.to(AssetState.CLASSIFIED, T0.plusSeconds(6), "ingest", "classified"));
        assertThat(audit.note(received, "operator:bob", "read before it moved on")).as("the asset moved on").isFalse();
        assertThat(assets.find(id).orElseThrow().history()).extracting(HistoryEntry::reason)
                .containsExactly("upload received", "repair asked", "as it was read", "classified");
    }

    private static DynamoAssetRepository assets(LocalStackExtension.Fixture fx) {
        return new DynamoAssetRepository(fx.stack().clients().dynamoDb(), fx.stack().resources().tableName("assets"));
    }
}
