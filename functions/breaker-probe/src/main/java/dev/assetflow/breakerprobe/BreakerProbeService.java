package dev.assetflow.breakerprobe;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.breaker.DynamoBreakerStore;
import dev.assetflow.runtime.breaker.BreakerTransitions;
import dev.assetflow.runtime.breaker.Breakers;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.domain.breaker.CircuitBreaker;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.breaker.BreakerStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Half-opens the open circuits whose cool-down is over; reports every step's circuit state. */
final class BreakerProbeService {
    private static final Logger LOG = LoggerFactory.getLogger(BreakerProbeService.class);

    private final List<CircuitBreaker> breakers;
    private final BreakerTransitions transitions;
    private final Map<String, String> environment;

    BreakerProbeService(List<CircuitBreaker> breakers, BreakerTransitions transitions, Map<String, String> environment) {
        this.breakers = List.copyOf(breakers);
        this.transitions = transitions;
        this.environment = environment;
    }

    static BreakerProbeService wire(AwsClients clients, BreakerProbeConfig config, Map<String, String> environment) {
        BreakerStore store = new DynamoBreakerStore(clients.dynamoDb(), config.breakersTable());
        Clock clock = Clock.systemUTC();
        return new BreakerProbeService(config.steps().stream()
                .map(step -> new CircuitBreaker(step, Breakers.policy(new Env(environment)), store, clock)).toList(),
                BreakerTransitions.of(clients), environment);
    }

    /** @return each step's circuit state after this run */
    Map<String, String> probeDueCircuits() {
        Map<String, String> states = new TreeMap<>();
        for (CircuitBreaker breaker : breakers) {
            try {
                // counted under the step whose circuit moved, like the transitions its own workers make
                breaker.probeIfDue().ifPresent(transition -> transitions.apply(breaker.step(), transition,
                        PipelineMetrics.forStage(breaker.step(), environment)));
                states.put(breaker.step(), breaker.state().status().name());
            } catch (FailureException e) {
                LOG.warn("could not probe the circuit of {}; the next run tries again: {}", breaker.step(), e.failure());
                states.put(breaker.step(), "UNKNOWN");
            }
        }
        return states;
    }
}
