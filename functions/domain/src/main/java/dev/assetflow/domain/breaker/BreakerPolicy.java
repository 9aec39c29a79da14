package dev.assetflow.domain.breaker;

import java.time.Duration;
import java.time.Instant;

/**
 * When a step's circuit opens and how long it stays open: the failure ratio over a window of time,
 * counted only once enough calls were seen to mean something, and the cool-down before a probe.
 * Only failures of the step's dependencies count (transient, configuration, internal): a bad file is
 * not a sign of a sick dependency.
 */
public record BreakerPolicy(double failureRatio, int minimumCalls, Duration window, Duration coolDown) {

    public BreakerPolicy {
        if (failureRatio <= 0 || failureRatio > 1) {
            throw new IllegalArgumentException("the failure ratio is in (0, 1], was " + failureRatio);
        }
        if (minimumCalls < 1 || window.isNegative() || window.isZero() || coolDown.isNegative() || coolDown.isZero()) {
            throw new IllegalArgumentException("a breaker needs a minimum of calls, a window and a cool-down");
        }
    }

    /** The start of the window {@code at} falls in: counts are kept per window, so old failures age out. */
    public Instant windowStart(Instant at) {
        long millis = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    public boolean trips(long calls, long failures) {
        return calls >= minimumCalls && failures >= failureRatio * calls;
    }
}
