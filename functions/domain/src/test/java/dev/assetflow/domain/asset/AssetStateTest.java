package dev.assetflow.domain.asset;

import static dev.assetflow.domain.asset.AssetState.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssetStateTest {

    @ParameterizedTest
    @CsvSource({"RECEIVED,CLASSIFIED", "CLASSIFIED,QUEUED", "QUEUED,PROCESSING", "PROCESSING,READY",
            "PROCESSING,PARTIAL", "PROCESSING,FAILED", "RECEIVED,QUARANTINED", "CLASSIFIED,QUARANTINED",
            "RECEIVED,FAILED"})
    void movesForward(AssetState from, AssetState to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(to.predecessors()).contains(from);
    }

    @ParameterizedTest
    @CsvSource({"READY,PROCESSING", "PROCESSING,QUEUED", "QUEUED,CLASSIFIED", "CLASSIFIED,RECEIVED",
            "FAILED,READY", "QUARANTINED,QUEUED", "READY,FAILED", "PROCESSING,PROCESSING", "RECEIVED,READY"})
    void neverMovesBackwardsOrSkipsTheWork(AssetState from, AssetState to) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThat(to.predecessors()).doesNotContain(from);
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        assertThat(READY.isTerminal()).isTrue();
        assertThat(FAILED.isTerminal()).isTrue();
        assertThat(QUARANTINED.isTerminal()).isTrue();
        assertThat(PARTIAL.isTerminal()).isTrue();
        assertThat(PROCESSING.isTerminal()).isFalse();
    }

    @Test
    void predecessorsAreWhatAConditionalWriteChecks() {
        assertThat(PROCESSING.predecessors()).containsExactly(QUEUED);
        assertThat(FAILED.predecessors()).containsExactlyInAnyOrder(RECEIVED, CLASSIFIED, QUEUED, PROCESSING);
        assertThat(RECEIVED.predecessors()).isEmpty();
    }
}
