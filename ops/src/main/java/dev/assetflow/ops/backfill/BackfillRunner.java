package dev.assetflow.ops.backfill;

import dev.assetflow.domain.backfill.Backfill;
import dev.assetflow.domain.backfill.BackfillRun;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import dev.assetflow.runtime.retry.Sleep;

/** Runs a backfill's steps in a loop, printing its progress, until it is done, paused or stopped. */
final class BackfillRunner {
    private final Backfill backfill;
    private final Duration batchTimeout;
    private final Clock clock;
    private final PrintStream out;

    BackfillRunner(Backfill backfill, Duration batchTimeout, Clock clock, PrintStream out) {
        this.backfill = backfill;
        this.batchTimeout = batchTimeout;
        this.clock = clock;
        this.out = out;
    }

    int drive(String runId) {
        Instant started = clock.instant();
        long settledAtStart = -1;
        String last = "";
        while (true) {
            Backfill.Step step = backfill.step(runId);
            switch (step) {
                case Backfill.Step.Halted halted -> {
                    BackfillRun run = halted.run();
                    out.println(status(run));
                    if (run.state() != BackfillRun.State.DONE) {
                        out.printf("resume with: scripts/backfill resume --run %s …%n", run.runId());
                        return 3;
                    }
                    return 0;
                }
                case Backfill.Step.Advanced advanced -> {
                    BackfillRun run = advanced.run();
                    settledAtStart = settledAtStart < 0 ? run.settledTotal() : settledAtStart;
                    if (!advanced.what().equals(last)) {
                        double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
                        double rate = (run.settledTotal() - settledAtStart) / seconds;
                        out.printf(Locale.ROOT, "%s | %d introduced, %d%s settled, %.2f assets/s, ETA %s%n", advanced.what(),
                                run.introducedTotal(), run.settledTotal(), of(run), rate, run.eta(rate).map(BackfillRunner::duration).orElse("unknown"));
                        last = advanced.what();
                    }
                    if (run.batchStartedAt() != null && Duration.between(run.batchStartedAt(), clock.instant()).compareTo(batchTimeout) > 0) {
                        out.printf("batch %d has not settled in %s: the run stays RUNNING at its checkpoint; look at the assets"
                                + " of the batch (scripts/redrive --list), then resume%n", run.batchNumber(), batchTimeout);
                        return 1;
                    }
                    Sleep.of(advanced.after());
                }
            }
        }
    }

    static String status(BackfillRun run) {
        return String.format(Locale.ROOT, "backfill %s of s3://%s/%s: %s, batch %d (%d of %d introduced), %d introduced and %d%s settled"
                        + " in all, outcomes %s, started %s", run.runId(), run.bucket(), run.prefix(), run.state(), run.batchNumber(),
                run.introduced(), run.batch().size(), run.introducedTotal(), run.settledTotal(), of(run), run.outcomes(), run.startedAt());
    }

    /** " of N" once the objects are counted. */
    private static String of(BackfillRun run) {
        return run.objectsTotal().isPresent() ? " of " + run.objectsTotal().getAsLong() : "";
    }

    /** 1h02m, 3m05s, 42s. */
    static String duration(Duration left) {
        long s = left.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
