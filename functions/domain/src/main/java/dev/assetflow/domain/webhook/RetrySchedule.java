package dev.assetflow.domain.webhook;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a retryable delivery is tried again: after a full-jitter backoff ({@link RetryPolicy}), or after the endpoint's
 * Retry-After when that is longer, as long as the try still falls before the delivery deadline (24 hours after the
 * event reached the endpoint's queue, by default); past it, the delivery is given up and dead-lettered.
 */
public record RetrySchedule(RetryPolicy policy, Duration deadline) {

    public sealed interface Next {}

    /** Hide the message this many seconds (ChangeMessageVisibility), then deliver again. */
    public record RetryIn(int seconds) implements Next {}

    public record GiveUp(Failure failure) implements Next {}

    /**
     * @param attempt    the attempt that just failed (1 = the first delivery)
     * @param queuedAt   when the event reached the endpoint's queue (SQS SentTimestamp)
     */
    public Next after(int attempt, Failure failure, Optional<Duration> retryAfter, Instant queuedAt, Instant now, DoubleSupplier random) {
        Instant giveUpAt = queuedAt.plus(deadline);
        int backoff = policy.delaySeconds(attempt, random);
        long asked = retryAfter.map(Duration::toSeconds).orElse(0L);
        long wanted = Math.max(backoff, asked);
        // SQS hides a message 12 h at most; a longer Retry-After is tried again then (within the deadline)
        long delay = Math.min(wanted, RetryPolicy.LONGEST_VISIBILITY.toSeconds());
        if (!now.plusSeconds(wanted).isBefore(giveUpAt)) {
            return new GiveUp(Failure.of(failure.category(), "not delivered in " + deadline + " (" + attempt + " attempts); last: "
                    + failure.reason()));
        }
        return new RetryIn((int) delay);
    }
}
