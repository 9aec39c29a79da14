package dev.assetflow.aws.lambda;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.dynamodb.DynamoBreakerStore;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.domain.breaker.BreakerPolicy;
import dev.assetflow.domain.breaker.CircuitBreaker;
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

    /** A transition is announced the same way wherever it happens: a WARN line with its reason, and a metric. */
    public static void announce(String step, CircuitBreaker.Transition transition, PipelineMetrics metrics) {
        LOG.warn("circuit breaker of {}: {} → {}: {}", step, transition.from().status(), transition.to().status(),
                transition.to().reason());
        metrics.breakerTransition(transition.to().status().name());
    }

    public static BreakerPolicy policy(Env env) {
        return new BreakerPolicy(Double.parseDouble(env.optional("BREAKER_FAILURE_RATIO", "0.5")),
                (int) env.longValue("BREAKER_MINIMUM_CALLS", 10), env.seconds("BREAKER_WINDOW_SECONDS", 60),
                env.seconds("BREAKER_COOL_DOWN_SECONDS", 60));
    }
}
