package dev.assetflow.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(300));

    @Test
    void theCeilingDoublesPerAttemptUntilTheCap() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.ceiling(9)).isEqualTo(Duration.ofSeconds(300));
        assertThat(policy.ceiling(1000)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeWindow() {
        assertThat(policy.delaySeconds(4, () -> 0.0)).isZero();
        assertThat(policy.delaySeconds(4, () -> 1.0)).isEqualTo(16);
        assertThat(policy.delaySeconds(4, () -> 0.5)).isEqualTo(8);
        SplittableRandom random = new SplittableRandom(42);
        int[] delays = new int[1000];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = policy.delaySeconds(20, random::nextDouble);
        }
        assertThat(Arrays.stream(delays).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(delays).max().orElseThrow()).isLessThanOrEqualTo(300);
        assertThat(Arrays.stream(delays).filter(d -> d < 100).count()).isBetween(250L, 420L);
        assertThat(Arrays.stream(delays).filter(d -> d > 200).count()).isBetween(250L, 420L);
    }

    @Test
    void aCapBeyondTwelveHoursOrBelowTheBaseIsRejected() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofHours(13)))
                .hasMessageContaining("12 h");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(5)))
                .hasMessageContaining("positive");
    }
}
