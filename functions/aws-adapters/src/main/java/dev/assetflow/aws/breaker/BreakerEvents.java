package dev.assetflow.aws.breaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.breaker.CircuitBreaker;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.json.Json;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Circuit-breaker transitions as events on the default EventBridge bus, in the shape of AWS's own
 * "… State Change" events (source {@value #SOURCE}, detail-type {@value #DETAIL_TYPE}): operators
 * route them where they like with a rule; the topology's rule sends them to the operations-events queue.
 */
public final class BreakerEvents {
    public static final String SOURCE = "assetflow";
    public static final String DETAIL_TYPE = "Circuit Breaker State Change";

    private final Supplier<EventBridgeClient> events;

    /** The client is asked for only when a circuit moves. */
    public BreakerEvents(Supplier<EventBridgeClient> events) {
        this.events = events;
    }

    public void publish(String step, CircuitBreaker.Transition transition) {
        ObjectNode detail = Json.mapper().createObjectNode()
                .put("step", step)
                .put("from", transition.from().status().name())
                .put("to", transition.to().status().name())
                .put("at", transition.to().since().toString())
                .put("reason", transition.to().reason());
        if (transition.to().probeAt() != null) {
            detail.put("probeAt", transition.to().probeAt().toString());
        }
        try {
            PutEventsResponse response = events.get().putEvents(b -> b.entries(e -> e.source(SOURCE).detailType(DETAIL_TYPE)
                    .detail(detail.toString()).resources(transition.to().intake() == null ? List.of() : List.of(transition.to().intake()))));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "EventBridge refused the breaker event: "
                        + response.entries().get(0).errorMessage()));
            }
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "put the breaker event of " + step);
        }
    }
}
