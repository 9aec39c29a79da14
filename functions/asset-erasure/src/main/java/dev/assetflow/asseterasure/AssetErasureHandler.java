package dev.assetflow.asseterasure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/**
 * Lambda entry point of {@code DELETE /assets/{assetId}} (API Gateway HTTP API, payload format 2.0): the only function
 * that may delete renditions, originals and asset records, so no other holds those grants.
 */
public final class AssetErasureHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final AssetErasureService service;

    /** Used by Lambda: clients built once per execution environment. */
    public AssetErasureHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public AssetErasureHandler(AwsClients clients, Map<String, String> environment) {
        this.service = AssetErasureService.wire(clients, AssetErasureConfig.from(environment));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return service.handle(event);
    }
}
