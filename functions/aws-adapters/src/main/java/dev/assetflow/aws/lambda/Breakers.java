package dev.assetflow.aws.lambda;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.dynamodb.DynamoBreakerStore;
import dev.assetflow.aws.lambdaapi.LambdaWorkIntake;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.domain.breaker.BreakerPolicy;
import dev.assetflow.domain.breaker.CircuitBreaker;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.ports.WorkIntake;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step's circuit breaker from its environment: {@code BREAKERS_TABLE} (none: no breaker), and the
 * policy {@code BREAKER_FAILURE_RATIO} (0.5), {@code BREAKER_MINIMUM_CALLS} (10),
 * {@code BREAKER_WINDOW_SECONDS} (60), {@code BREAKER_COOL_DOWN_SECONDS} (60).
 */
public final class Breakers {
    private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);

    private Breakers() {
    }

    public static Optional<CircuitBreaker> of(String step, AwsClients clients, Map<String, String> environment) {
        Env env = new Env(environment);
        String table = env.optional("BREAKERS_TABLE", null);
        if (table == null) {
            return Optional.empty();
        }
        return Optional.of(new CircuitBreaker(step, policy(env), new DynamoBreakerStore(clients.dynamoDb(), table), Clock.systemUTC()));
    }

    /**
     * What follows a transition, wherever it happens: the step's intake stops when its circuit opens and
     * resumes when it half-opens; a WARN line with the reason and a metric announce it.
     */
    public static void apply(String step, CircuitBreaker.Transition transition, PipelineMetrics metrics, WorkIntake intake) {
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
    }

    /** On AWS and in the local stack alike: the Lambda API's event source mappings, client built on first use. */
    public static WorkIntake intake(AwsClients clients) {
        return new LambdaWorkIntake(clients::lambda);
    }

    public static BreakerPolicy policy(Env env) {
        return new BreakerPolicy(Double.parseDouble(env.optional("BREAKER_FAILURE_RATIO", "0.5")),
                (int) env.longValue("BREAKER_MINIMUM_CALLS", 10), env.seconds("BREAKER_WINDOW_SECONDS", 60),
                env.seconds("BREAKER_COOL_DOWN_SECONDS", 60));
    }
}
