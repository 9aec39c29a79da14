package dev.assetflow.domain.breaker;

import java.time.Instant;

/**
 * A step's circuit as stored and shared by every worker of the step. CLOSED: work flows. OPEN: the
 * step pulls no work until {@code probeAt}. HALF_OPEN: one probe batch is let through; its outcome
 * closes the circuit or opens it again. {@code intake} is what the opener stopped from pulling work
 * (on AWS, the function alias its event source mappings invoke), so the probe resumes the same.
 */
public record BreakerState(String step, Status status, Instant since, Instant probeAt, String reason, long version,
        String intake) {

    public enum Status { CLOSED, OPEN, HALF_OPEN }

    public static BreakerState closed(String step) {
        return new BreakerState(step, Status.CLOSED, Instant.EPOCH, null, null, 0, null);
    }

    /** Whether the step may pull work now: not while OPEN. */
    public boolean admitsWork() {
        return status != Status.OPEN;
    }

    public boolean probeDue(Instant now) {
        return status == Status.OPEN && probeAt != null && !now.isBefore(probeAt);
    }
}
