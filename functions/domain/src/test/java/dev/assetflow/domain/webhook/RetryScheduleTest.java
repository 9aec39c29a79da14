package dev.assetflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant QUEUED = Instant.parse("2026-12-03T12:00:00Z");
    private static final Failure DOWN = Failure.of(FailureCategory.ENDPOINT_UNAVAILABLE, "HTTP 503");
    private final RetrySchedule schedule = new RetrySchedule(new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1)), Duration.ofHours(24));

    @Test
    void theBackoffIsAFullJitterWithinACeilingThatDoublesUpToItsCap() {
        assertThat(schedule.after(1, DOWN, Optional.empty(), QUEUED, QUEUED.plusSeconds(1), () -> 1.0)).isEqualTo(new RetrySchedule.RetryIn(30));
        assertThat(schedule.after(3, DOWN, Optional.empty(), QUEUED, QUEUED.plusSeconds(1), () -> 1.0)).isEqualTo(new RetrySchedule.RetryIn(120));
        assertThat(schedule.after(3, DOWN, Optional.empty(), QUEUED, QUEUED.plusSeconds(1), () -> 0.5)).isEqualTo(new RetrySchedule.RetryIn(60));
        assertThat(schedule.after(20, DOWN, Optional.empty(), QUEUED, QUEUED.plusSeconds(1), () -> 1.0)).isEqualTo(new RetrySchedule.RetryIn(3600));
    }

    @Test
    void aLongerRetryAfterIsHonouredAndAShorterOneDoesNotShortenTheBackoff() {
        assertThat(schedule.after(1, DOWN, Optional.of(Duration.ofMinutes(10)), QUEUED, QUEUED, () -> 1.0)).isEqualTo(new RetrySchedule.RetryIn(600));
        assertThat(schedule.after(5, DOWN, Optional.of(Duration.ofSeconds(5)), QUEUED, QUEUED, () -> 1.0)).isEqualTo(new RetrySchedule.RetryIn(480));
        assertThat(schedule.after(1, DOWN, Optional.of(Duration.ofDays(3)), QUEUED, QUEUED, () -> 0.0))
                .as("a Retry-After past the deadline gives up").isInstanceOf(RetrySchedule.GiveUp.class);
    }

    @Test
    void aRetryThatWouldFallAfterTheDeadlineGivesUpNamingTheAttemptsAndTheLastFailure() {
        Instant late = QUEUED.plus(Duration.ofHours(24)).minusSeconds(20);
        RetrySchedule.Next next = schedule.after(40, DOWN, Optional.empty(), QUEUED, late, () -> 1.0);
        assertThat(next).isEqualTo(new RetrySchedule.GiveUp(Failure.of(FailureCategory.ENDPOINT_UNAVAILABLE,
                "not delivered in PT24H (40 attempts); last: HTTP 503")));
        assertThat(schedule.after(40, DOWN, Optional.empty(), QUEUED, late, () -> 0.0)).as("a retry now still fits")
                .isEqualTo(new RetrySchedule.RetryIn(0));
    }
}
