package dev.assetflow.localstack.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an EventBridge schedule rule with a Lambda target does: invokes the function with a scheduled
 * event at a fixed rate, never two at once (a rate rule may overlap on AWS; the functions it runs
 * here are written to tolerate that, but the local stack has no need to).
 */
public final class ScheduleRule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRule.class);

    private final ScheduledExecutorService timer;

    public ScheduleRule(LocalFunction function, String ruleArn, String region, Duration rate) {
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("schedule-" + function.name()).daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                String result = function.invoke(LambdaEvents.scheduledEvent(ruleArn, region, Instant.now()));
                LOG.info("{} ran on schedule: {}", function.name(), result);
            } catch (RuntimeException | Error e) {
                LOG.error("{} failed on its schedule; it runs again in {}", function.name(), rate, e);
            }
        }, rate.toMillis(), rate.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The event the rule sends, for a caller that wants to invoke the function itself. */
    public static String event(String ruleArn, String region) {
        return LambdaEvents.scheduledEvent(ruleArn, region, Instant.now());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
