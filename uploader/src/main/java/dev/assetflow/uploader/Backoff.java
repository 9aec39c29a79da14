package dev.assetflow.uploader;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th wait is uniform in [0, min(cap, first × 2^(n-1))], so
 * that many clients retrying after the same outage do not come back in step
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
public record Backoff(Duration first, Duration cap) {

    public Duration delay(int attempt) {
        long ceiling = Math.min(cap.toMillis(), first.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
