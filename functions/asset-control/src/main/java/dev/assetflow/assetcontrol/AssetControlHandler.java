package dev.assetflow.assetcontrol;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.clients.AwsClients;
import java.util.Map;

/**
 * Lambda entry point of the operator actions on one asset (API Gateway HTTP API, payload format 2.0): kept apart
 * from the upload API, which never writes an asset or sends work, so each holds only its own grants.
 */
public final class AssetControlHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final AssetControlService service;

    /** Used by Lambda: clients built once per execution environment. */
    public AssetControlHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public AssetControlHandler(AwsClients clients, Map<String, String> environment) {
        this.service = AssetControlService.wire(clients, AssetControlConfig.from(environment));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return service.handle(event);
    }
}
