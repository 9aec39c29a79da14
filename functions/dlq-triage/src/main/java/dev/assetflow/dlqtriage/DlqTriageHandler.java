package dev.assetflow.dlqtriage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/**
 * Lambda entry point of dlq-triage: run by a schedule, it reads every dead-letter queue and triages
 * what it has not seen yet. It never deletes a dead letter: the DLQ keeps it for the redrive command
 * (and its alarm keeps firing) until an operator has dealt with it.
 */
public final class DlqTriageHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final DlqTriageService service;

    /** Used by Lambda: clients built once per execution environment. */
    public DlqTriageHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public DlqTriageHandler(AwsClients clients, Map<String, String> environment) {
        this.service = DlqTriageService.wire(clients, DlqTriageConfig.from(environment), environment);
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return service.sweep(context).asMap();
    }
}
