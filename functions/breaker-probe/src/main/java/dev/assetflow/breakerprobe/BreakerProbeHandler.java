package dev.assetflow.breakerprobe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/**
 * Lambda entry point of breaker-probe: run by a schedule, it half-opens every open circuit whose
 * cool-down is over, so that its step pulls work again and its next batch decides.
 */
public final class BreakerProbeHandler implements RequestHandler<ScheduledEvent, Map<String, String>> {
    private final BreakerProbeService service;

    /** Used by Lambda: clients built once per execution environment. */
    public BreakerProbeHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public BreakerProbeHandler(AwsClients clients, Map<String, String> environment) {
        this.service = BreakerProbeService.wire(clients, BreakerProbeConfig.from(environment), environment);
    }

    @Override
    public Map<String, String> handleRequest(ScheduledEvent event, Context context) {
        return service.probeDueCircuits();
    }
}
