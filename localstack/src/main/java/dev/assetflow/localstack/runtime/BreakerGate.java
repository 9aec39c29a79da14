package dev.assetflow.localstack.runtime;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.lambda.Breakers;
import dev.assetflow.domain.breaker.CircuitBreaker;
import dev.assetflow.domain.failure.FailureException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether a function's event source mappings poll: the local stand-in for the enabled flag of a
 * Lambda event source mapping, read from the function's shared circuit-breaker state (checked at most
 * once a second). A function without a breaker always polls.
 */
public final class BreakerGate implements BooleanSupplier {
    private static final long RECHECK_MILLIS = 1000;

    private final CircuitBreaker breaker;
    private volatile long checkedAt;
    private volatile boolean admits = true;

    private BreakerGate(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /** The stack's own clients read the state: the gate is Lambda's service, not the function. */
    public static BooleanSupplier of(String function, AwsClients clients, Map<String, String> environment) {
        Optional<CircuitBreaker> breaker = Breakers.of(function, clients, environment);
        return breaker.<BooleanSupplier>map(BreakerGate::new).orElse(() -> true);
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= RECHECK_MILLIS) {
            try {
                admits = breaker.admitsWork();
            } catch (FailureException e) {
                admits = true; // an unreadable breaker must not stop the work it guards
            }
            checkedAt = now;
        }
        return admits;
    }
}
