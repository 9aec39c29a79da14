package dev.assetflow.domain.breaker;

import java.time.Instant;

/** Port: the shared circuit-breaker state and the per-window call counts (DynamoDB). */
public interface BreakerStore {

    /** Adds a batch's calls and failures to the window's counts; returns the window's totals after it. */
    Counts add(String step, Instant windowStart, long calls, long failures);

    record Counts(long calls, long failures) {}

    BreakerState state(String step);

    /**
     * Moves the circuit from the state the caller saw (its {@code version}) to {@code next}; false if
     * another worker moved it first, so only one worker opens, probes or closes it.
     */
    boolean move(BreakerState seen, BreakerState next);
}
