package dev.assetflow.domain.failure;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): the n-th retry waits a
 * uniformly random time between zero and {@code min(cap, base * 2^(n-1))}. Full jitter spreads a burst
 * of failures (a throttled dependency, a 5xx storm) over the window instead of retrying them in lock
 * step. The cap never exceeds SQS's longest visibility timeout, 12 hours.
 */
public record RetryPolicy(Duration base, Duration cap) {
    /** ChangeMessageVisibility accepts up to 43 200 s. */
    public static final Duration LONGEST_VISIBILITY = Duration.ofHours(12);

    public RetryPolicy {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the backoff base must be positive, was " + base);
        }
        if (cap.compareTo(base) < 0 || cap.compareTo(LONGEST_VISIBILITY) > 0) {
            throw new IllegalArgumentException("the backoff cap must lie between the base and 12 h, was " + cap);
        }
    }

    /** The longest the given attempt (1 = the first delivery failed) may wait. */
    public Duration ceiling(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** A delay in [0, ceiling(attempt)], in whole seconds since that is what SQS takes. */
    public int delaySeconds(int attempt, DoubleSupplier random) {
        double fraction = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return (int) Math.round(fraction * ceiling(attempt).toSeconds());
    }
}
