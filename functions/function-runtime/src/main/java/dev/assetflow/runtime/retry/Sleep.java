package dev.assetflow.runtime.retry;

import java.time.Duration;

/** Waiting a while between two steps (a backfill's pacing, a settle poll), keeping an interruption visible. */
public final class Sleep {

    private Sleep() {
    }

    public static void of(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + duration, e);
        }
    }
}
