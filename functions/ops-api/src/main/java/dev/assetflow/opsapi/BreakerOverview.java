package dev.assetflow.opsapi;

import dev.assetflow.domain.breaker.BreakerState;
import dev.assetflow.domain.breaker.BreakerStore;
import java.util.List;

/** Each step's circuit breaker as the workers share it (README, "Circuit breakers"); a step never tripped is CLOSED. */
final class BreakerOverview {
    private final BreakerStore store;
    private final List<String> steps;

    BreakerOverview(BreakerStore store, List<String> steps) {
        this.store = store;
        this.steps = List.copyOf(steps);
    }

    List<BreakerState> all() {
        return steps.stream().map(store::state).toList();
    }
}
