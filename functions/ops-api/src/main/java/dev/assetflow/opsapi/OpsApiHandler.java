package dev.assetflow.opsapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/**
 * Lambda entry point of the operators' endpoints under {@code /ops} (API Gateway HTTP API, payload format 2.0),
 * which the console's queue, dead-letter, breaker and latency pages call: kept apart from the upload API and from
 * asset-control, so reading every queue and moving dead letters is granted to this function only.
 */
public final class OpsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OpsApiService service;

    /** Used by Lambda: clients built once per execution environment. */
    public OpsApiHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public OpsApiHandler(AwsClients clients, Map<String, String> environment) {
        this.service = OpsApiService.wire(clients, OpsApiConfig.from(environment));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return service.handle(event);
    }
}
