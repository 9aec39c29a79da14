package dev.assetflow.uploadapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/** Lambda entry point of the upload API (API Gateway HTTP API, payload format 2.0). */
public final class UploadApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final UploadApiService service;

    /** Used by Lambda: clients built once per execution environment. */
    public UploadApiHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public UploadApiHandler(AwsClients clients, Map<String, String> environment) {
        this.service = UploadApiService.wire(clients, UploadApiConfig.from(environment));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return service.handle(event);
    }
}
