package dev.assetflow.runtime.breaker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.breaker.BreakerEvents;
import dev.assetflow.aws.breaker.LambdaWorkIntake;
import dev.assetflow.domain.metrics.StageMetrics;
import dev.assetflow.domain.breaker.CircuitBreaker;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.breaker.WorkIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a circuit-breaker transition, wherever it happens (a worker's batch, breaker-probe):
 * the step's intake stops when its circuit opens and resumes when it half-opens; a WARN line, a metric
 * and an EventBridge event announce it. Failing to switch or announce never undoes the transition.
 */
public final class BreakerTransitions {
    private static final Logger LOG = LoggerFactory.getLogger(BreakerTransitions.class);

    private final WorkIntake intake;
    private final BreakerEvents events;

    public BreakerTransitions(WorkIntake intake, BreakerEvents events) {
        this.intake = intake;
        this.events = events;
    }

    /** On AWS and in the local stack alike: Lambda's event source mappings and the default event bus, clients built on first use. */
    public static BreakerTransitions of(AwsClients clients) {
        return new BreakerTransitions(new LambdaWorkIntake(clients::lambda), new BreakerEvents(clients::eventBridge));
    }

    public void apply(String step, CircuitBreaker.Transition transition, StageMetrics metrics) {
        LOG.warn("circuit breaker of {}: {} → {}: {}", step, transition.from().status(), transition.to().status(),
                transition.to().reason());
        metrics.breakerTransition(transition.to().status().name());
        try {
            switch (transition.to().status()) {
                case OPEN -> intake.stop(transition.to().intake());
                case HALF_OPEN -> intake.resume(transition.to().intake());
                case CLOSED -> { }
            }
        } catch (FailureException e) {
            // the circuit still holds: an open one hands batches back, and breaker-probe retries the resume
            LOG.warn("could not switch the intake of {} ({}): {}", step, transition.to().intake(), e.failure());
        }
        try {
            events.publish(step, transition);
        } catch (FailureException e) {
            LOG.warn("could not announce the transition of {} on EventBridge: {}", step, e.failure());
        }
    }
}
