package dev.assetflow.webhookdelivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/**
 * Lambda entry point of a webhook's delivery function ({@code webhook-<name>}, one per endpoint in the topology): the
 * events of its filtered subscriber queue, each POSTed signed to the endpoint (README, "Webhooks").
 */
public final class WebhookDeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final WebhookDeliveryService service;

    /** Used by Lambda: clients built once per execution environment. */
    public WebhookDeliveryHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public WebhookDeliveryHandler(AwsClients clients, Map<String, String> environment) {
        this.service = WebhookDeliveryService.wire(clients, WebhookDeliveryConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return service.deliver(event);
    }
}
