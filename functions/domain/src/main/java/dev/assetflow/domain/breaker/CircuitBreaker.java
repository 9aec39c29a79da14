package dev.assetflow.domain.breaker;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One step's circuit breaker over the shared {@link BreakerStore}: the record processor reports each
 * batch's outcome ({@link #record}); the poller asks whether to pull work ({@link #admitsWork}); the
 * scheduled probe half-opens an open circuit once its cool-down is over ({@link #probeIfDue}). Each
 * move is conditional on the state the mover saw, so among many workers exactly one makes it, and
 * exactly one transition is announced.
 */
public final class CircuitBreaker {
    private final String step;
    private final BreakerPolicy policy;
    private final BreakerStore store;
    private final Clock clock;

    public CircuitBreaker(String step, BreakerPolicy policy, BreakerStore store, Clock clock) {
        this.step = step;
        this.policy = policy;
        this.store = store;
        this.clock = clock;
    }

    /** A transition this worker made, to announce (event, metric). */
    public record Transition(BreakerState from, BreakerState to) {}

    public String step() {
        return step;
    }

    public BreakerState state() {
        return store.state(step);
    }

    public boolean admitsWork() {
        return state().admitsWork();
    }

    /**
     * Records a batch: {@code failures} of its {@code calls} failed for reasons of the step's
     * dependencies; {@code intake} is what pulled the batch (kept on an opened circuit, to resume). A half-open circuit closes on a probe without such failures and opens again on
     * one with any; a closed one opens when the window's ratio trips the policy.
     */
    public Optional<Transition> record(long calls, long failures, String intake) {
        return record(store.state(step), calls, failures, intake);
    }

    /**
     * The same, from a state the caller read already (at the start of the batch): every move is
     * conditional on that state's version, so a state that changed meanwhile only makes the move a no-op.
     */
    public Optional<Transition> record(BreakerState seen, long calls, long failures, String intake) {
        if (calls == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (seen.status() == BreakerState.Status.HALF_OPEN) {
            return failures == 0
                    ? move(seen, BreakerState.Status.CLOSED, null, "the probe batch succeeded", seen.intake())
                    : move(seen, BreakerState.Status.OPEN, now.plus(policy.coolDown()),
                            "the probe batch failed (" + failures + " of " + calls + ")", intake);
        }
        BreakerStore.Counts counts = store.add(step, policy.windowStart(now), calls, failures);
        if (seen.status() == BreakerState.Status.CLOSED && policy.trips(counts.calls(), counts.failures())) {
            return move(seen, BreakerState.Status.OPEN, now.plus(policy.coolDown()), counts.failures() + " of "
                    + counts.calls() + " calls failed since " + policy.windowStart(now) + " (threshold "
                    + Math.round(policy.failureRatio() * 100) + " %)", intake);
        }
        return Optional.empty();
    }

    /** After the cool-down, an open circuit half-opens: work flows again, and its next batch is the probe. */
    public Optional<Transition> probeIfDue() {
        BreakerState seen = store.state(step);
        return seen.probeDue(clock.instant())
                ? move(seen, BreakerState.Status.HALF_OPEN, null, "cool-down over; the next batch is a probe", seen.intake())
                : Optional.empty();
    }

    private Optional<Transition> move(BreakerState seen, BreakerState.Status status, Instant probeAt, String reason,
            String intake) {
        BreakerState next = new BreakerState(step, status, clock.instant(), probeAt, reason, seen.version() + 1, intake);
        return store.move(seen, next) ? Optional.of(new Transition(seen, next)) : Optional.empty();
    }
}
