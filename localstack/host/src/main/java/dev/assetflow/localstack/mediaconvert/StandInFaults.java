package dev.assetflow.localstack.mediaconvert;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test makes the stand-in do that MediaConvert does on a bad day: end the next jobs in ERROR with a
 * service-side code, or hold jobs in SUBMITTED (a job that never completes) until released or cancelled.
 */
public final class StandInFaults {
    /** A held job gives up waiting after this, so no test can hang on it. */
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(10);

    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureCode;
    private volatile boolean holding;

    /** The next {@code jobs} jobs end in ERROR with {@code errorCode} (e.g. 3450, a service-side error). */
    public void failNextJobs(int jobs, int errorCode) {
        failureCode = errorCode;
        failures.set(jobs);
    }

    /** While on, jobs wait in SUBMITTED. */
    public void holdJobs(boolean on) {
        holding = on;
    }

    void waitWhileHeld(StandInJob.Record job) {
        Instant giveUp = Instant.now().plus(LONGEST_HOLD);
        while (holding && !job.cancelRequested && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void failIfInjected() {
        if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new StandInJob.JobError(failureCode, "injected by the test: a service-side error");
        }
    }
}
