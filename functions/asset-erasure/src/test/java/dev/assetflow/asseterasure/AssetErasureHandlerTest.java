package dev.assetflow.asseterasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.domain.json.Json;
import dev.assetflow.runtime.http.HttpRequests;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The asset-erasure handler on the sample requests in events/asset-erasure. Bad requests are answered before any
 * call; a valid one reads the assets table, which nothing answers here (AssetErasureIT covers the stack).
 */
class AssetErasureHandlerTest {
    static final AwsClients OFFLINE = new AwsClients(ClientSettings.forEmulator(URI.create("http://127.0.0.1:9"), "us-east-1"));
    static final AssetErasureHandler HANDLER = new AssetErasureHandler(OFFLINE, Map.of("ASSETS_TABLE", "assetflow-test-assets",
            "RENDITIONS_BUCKET", "assetflow-test-renditions", "EVENTS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:asset-events"));

    @AfterAll
    static void closeClients() {
        OFFLINE.close();
    }

    @ParameterizedTest
    @Event(value = "events/asset-erasure/delete-asset-invalid-id.json", type = APIGatewayV2HTTPEvent.class)
    void anIdThatIsNotOneIsRefusedBeforeAnyCall(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 400).path("error").asText()).isEqualTo("invalid_asset_id");
    }

    @ParameterizedTest
    @Event(value = "events/asset-erasure/delete-asset-bad-flag.json", type = APIGatewayV2HTTPEvent.class)
    void theOriginalFlagIsTrueOrFalse(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 400).path("message").asText()).contains("not 'yes'");
    }

    @ParameterizedTest
    @Event(value = "events/asset-erasure/delete-asset-with-original.json", type = APIGatewayV2HTTPEvent.class)
    void aValidRequestWithAnUnreachableTableIsARetryable503(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(HttpRequests.requester(request)).isNotBlank();
        assertThat(answer(request, 503).path("message").asText()).contains("ask again to finish");
    }

    private static JsonNode answer(APIGatewayV2HTTPEvent request, int status) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.mapper().readTree(response.getBody());
    }
}
