package dev.assetflow.domain.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BreakerPolicyTest {
    private final BreakerPolicy policy = new BreakerPolicy(0.5, 10, Duration.ofMinutes(1), Duration.ofSeconds(60));

    @Test
    void tripsOnTheRatioOnlyOnceEnoughCallsWereSeen() {
        assertThat(policy.trips(9, 9)).isFalse();
        assertThat(policy.trips(10, 4)).isFalse();
        assertThat(policy.trips(10, 5)).isTrue();
        assertThat(policy.trips(200, 101)).isTrue();
        assertThat(policy.trips(200, 99)).isFalse();
    }

    @Test
    void countsAgeOutWithTheirWindow() {
        Instant at = Instant.parse("2026-11-25T10:07:42.500Z");
        assertThat(policy.windowStart(at)).isEqualTo(Instant.parse("2026-11-25T10:07:00Z"));
        assertThat(policy.windowStart(at.plusSeconds(18))).isEqualTo(Instant.parse("2026-11-25T10:08:00Z"));
    }

    @Test
    void anOpenCircuitAdmitsNoWorkUntilItsProbeIsDue() {
        Instant probeAt = Instant.parse("2026-11-25T10:00:00Z");
        BreakerState open = new BreakerState("s", BreakerState.Status.OPEN, probeAt.minusSeconds(60), probeAt, "r", 1, null);
        assertThat(open.admitsWork()).isFalse();
        assertThat(open.probeDue(probeAt.minusMillis(1))).isFalse();
        assertThat(open.probeDue(probeAt)).isTrue();
        assertThat(BreakerState.closed("s").admitsWork()).isTrue();
        assertThat(BreakerState.closed("s").probeDue(probeAt)).isFalse();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new BreakerPolicy(0, 10, Duration.ofMinutes(1), Duration.ofMinutes(1))).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new BreakerPolicy(1.5, 10, Duration.ofMinutes(1), Duration.ofMinutes(1))).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new BreakerPolicy(0.5, 0, Duration.ofMinutes(1), Duration.ofMinutes(1))).hasMessageContaining("minimum");
    }
}
