package dev.assetflow.domain.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.asset.SourceObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A backfill checkpoint's arithmetic: batches, what was introduced, the totals, and when it is done. */
class BackfillRunTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");
    private static final SourceObject A = new SourceObject("b", "archive/a.png", "e1", null, 10);
    private static final SourceObject B = new SourceObject("b", "archive/b.txt", "e2", null, 20);

    @Test
    void batchesAddUpAndTheRunIsDoneWhenTheLastPageHasSettled() {
        BackfillRun run = BackfillRun.start("r", "b", "archive/", 2, 5, AT);
        BackfillRun first = run.nextBatch(List.of(A, B), "token-2", AT);
        assertThat(first.batchNumber()).isEqualTo(1);
        assertThat(first.listingDone()).isFalse();
        BackfillRun introduced = first.introducedUpTo(1).introducedUpTo(2);
        assertThat(introduced.introducedTotal()).isEqualTo(2);
        BackfillRun settled = introduced.settled(Map.of("READY", 1L, "QUARANTINED/UNSUPPORTED_TYPE", 1L));
        assertThat(settled.state()).isEqualTo(BackfillRun.State.RUNNING);
        assertThat(settled.batchOpen()).isFalse();
        assertThat(settled.nextToken()).isEqualTo("token-2");
        BackfillRun last = settled.nextBatch(List.of(A), null, AT).introducedUpTo(1).settled(Map.of("READY", 1L));
        assertThat(last.state()).isEqualTo(BackfillRun.State.DONE);
        assertThat(last.settledTotal()).isEqualTo(3);
        assertThat(last.outcomes()).containsExactlyEntriesOf(Map.of("QUARANTINED/UNSUPPORTED_TYPE", 1L, "READY", 2L));
    }

    @Test
    void aBatchIsOneListingPageAndTheRateIsPositive() {
        assertThatThrownBy(() -> BackfillRun.start("r", "b", "", 1001, 5, AT)).hasMessageContaining("1-1000");
        assertThatThrownBy(() -> BackfillRun.start("r", "b", "", 10, 0, AT)).hasMessageContaining("positive");
        assertThat(BackfillRun.start("r", "b", "", 10, 5, AT).withState(BackfillRun.State.PAUSED).state()).isEqualTo(BackfillRun.State.PAUSED);
    }

    @Test
    void theObjectsAreCountedAPageAtATimeAndTheEtaIsWhatIsLeftAtTheRateSoFar() {
        BackfillRun run = BackfillRun.start("r", "b", "archive/", 2, 5, AT);
        assertThat(run.counting().done()).isFalse();
        assertThat(run.eta(10)).as("not counted yet").isEmpty();
        BackfillRun counted = run.counted(1000, "t").counted(200, null);
        assertThat(counted.objectsTotal()).hasValue(1200);
        assertThat(counted.eta(0)).as("nothing settled yet").isEmpty();
        BackfillRun halfway = counted.nextBatch(List.of(A, B), "t2", AT).introducedUpTo(2).settled(Map.of("READY", 2L));
        assertThat(halfway.eta(4)).contains(java.time.Duration.ofSeconds(1198 / 4 + 1));
    }

    @Test
    void aRunCheckpointedBeforeCountingHasNoEtaButGoesOn() throws Exception {
        String before = dev.assetflow.domain.json.Json.write(BackfillRun.start("r", "b", "", 10, 5, AT)).replaceFirst(",\"counting\":\\{[^}]*\\}", "");
        assertThat(before).doesNotContain("counting");
        BackfillRun old = dev.assetflow.domain.json.Json.read(before, BackfillRun.class);
        assertThat(old.counting().done()).as("no count step for it").isTrue();
        assertThat(old.objectsTotal()).isEmpty();
        assertThat(old.eta(5)).isEmpty();
    }
}
