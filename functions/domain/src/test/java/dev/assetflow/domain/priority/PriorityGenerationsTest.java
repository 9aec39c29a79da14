package dev.assetflow.domain.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generation check that makes a superseded work message a no-op, and which work a priority change can move. */
class PriorityGenerationsTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final RouteInfo BULK = new RouteInfo(Priority.BULK, "images", "image-responsive", null, 4, "p-image-bulk");

    @Test
    void aChangeIsTheNextGenerationAndSupersedesWorkSentBefore() {
        RouteInfo critical = BULK.inPriority(Priority.CRITICAL, "p-image-critical");
        assertThat(critical.generation()).isEqualTo(1);
        assertThat(critical.workQueue()).isEqualTo("p-image-critical");
        assertThat(critical.rule()).isEqualTo("images");
        assertThat(critical.supersedes(BULK)).isTrue();
        assertThat(critical.supersedes(critical)).isFalse();
        assertThat(BULK.supersedes(critical)).as("a newer message than the record is not superseded").isFalse();
        assertThat(BULK.relabelled(Priority.CRITICAL).generation()).as("running work is not sent again").isZero();
        assertThat(BULK.inWorkQueue("other").generation()).isZero();
    }

    @Test
    void aWorkMessageOfAnOlderGenerationIsADuplicateSayingWhereItsWorkWent() {
        Asset moved = asset(AssetState.QUEUED, BULK.inPriority(Priority.CRITICAL, "p-image-critical"), Map.of());
        WorkMessage old = WorkMessage.of(asset(AssetState.QUEUED, BULK, Map.of()), "routed", AT);
        assertThat(old.supersededBy(moved)).get().isInstanceOfSatisfying(WorkOutcome.Duplicate.class, d -> assertThat(d.summary())
                .isEqualTo("superseded: sent to bulk as generation 0; a priority change sent it again to critical as generation 1"));
        assertThat(WorkMessage.of(moved, "moved", AT).supersededBy(moved)).isEmpty();
    }

    @Test
    void waitingWorkAndTheChunksOfASegmentedVideoAreMovableRunningWorkIsNot() {
        assertThat(PriorityChange.movable(asset(AssetState.QUEUED, BULK, Map.of()))).isTrue();
        assertThat(PriorityChange.movable(asset(AssetState.PROCESSING, BULK, Map.of()))).isFalse();
        assertThat(PriorityChange.movable(asset(AssetState.PROCESSING, BULK, Map.of("transcode", Map.of("engine", "one-invocation")))))
                .isFalse();
        assertThat(PriorityChange.movable(asset(AssetState.PROCESSING, BULK, Map.of("transcode", Map.of("engine", "segmented")))))
                .isTrue();
    }

    private static Asset asset(AssetState state, RouteInfo route, Map<String, Object> media) {
        return new Asset(new AssetId("0f8fad5b-d9cb-469f-a165-70867728950e"), state, new SourceObject("b", "k", "e", null, 10),
                "image/png", "image/png", MediaKind.IMAGE, media, route, null, AT, AT, false, List.of());
    }
}
