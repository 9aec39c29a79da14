package dev.assetflow.runtime.breaker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.breaker.DynamoBreakerStore;
import dev.assetflow.domain.breaker.BreakerPolicy;
import dev.assetflow.domain.breaker.CircuitBreaker;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.assetflow.runtime.config.Env;
/**
 * A step's circuit breaker from its environment: {@code BREAKERS_TABLE} (none: no breaker), and the
 * policy {@code BREAKER_FAILURE_RATIO} (0.5), {@code BREAKER_MINIMUM_CALLS} (10),
 * {@code BREAKER_WINDOW_SECONDS} (60), {@code BREAKER_COOL_DOWN_SECONDS} (60).
 */
public final class Breakers {

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

    public static BreakerPolicy policy(Env env) {
        return new BreakerPolicy(Double.parseDouble(env.optional("BREAKER_FAILURE_RATIO", "0.5")),
                (int) env.longValue("BREAKER_MINIMUM_CALLS", 10), env.seconds("BREAKER_WINDOW_SECONDS", 60),
                env.seconds("BREAKER_COOL_DOWN_SECONDS", 60));
    }
}
