package dev.assetflow.assetcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
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
 * The asset-control handler on the sample requests in events/asset-control. Bad requests are answered before
 * any call; a valid one reads the assets table, which nothing answers here (PriorityIT covers the stack).
 */
class AssetControlHandlerTest {
    static final AwsClients OFFLINE = new AwsClients(ClientSettings.forEmulator(URI.create("http://127.0.0.1:9"), "us-east-1"));
    static final AssetControlHandler HANDLER = new AssetControlHandler(OFFLINE, Map.of(
            "ASSETS_TABLE", "assetflow-test-assets", "WORK_QUEUES", "{\"image/critical\":\"http://127.0.0.1:9/q/image-critical\"}",
            "PROFILES", "file:../../config/profiles.json"));

    @AfterAll
    static void closeClients() {
        OFFLINE.close();
    }

    @ParameterizedTest
    @Event(value = "events/asset-control/post-asset-priority-unknown-class.json", type = APIGatewayV2HTTPEvent.class)
    void anUnknownClassIsRefusedWithTheClassesThereAre(APIGatewayV2HTTPEvent request) throws Exception {
        JsonNode body = answer(request, 400);
        assertThat(body.path("error").asText()).isEqualTo("invalid_request");
        assertThat(body.path("message").asText()).contains("critical", "standard", "bulk", "not 'asap'");
    }

    @ParameterizedTest
    @Events(type = APIGatewayV2HTTPEvent.class, events = {
            @Event("events/asset-control/post-asset-priority-invalid-id.json"), @Event("events/asset-control/post-asset-repair-invalid-id.json")})
    void anIdThatIsNotOneIsRefusedBeforeAnyCall(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 400).path("error").asText()).isEqualTo("invalid_asset_id");
    }

    @ParameterizedTest
    @Events(type = APIGatewayV2HTTPEvent.class, events = {
            @Event("events/asset-control/post-asset-priority.json"), @Event("events/asset-control/post-asset-reprocess.json")})
    void aValidRequestNamesItsRequesterAndAnUnreachableTableIsARetryable503(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(HttpRequests.requester(request)).isEqualTo("arn:aws:sts::123456789012:assumed-role/MediaOps/ops-oncall");
        assertThat(answer(request, 503).path("error").asText()).isEqualTo("unavailable");
    }

    private static JsonNode answer(APIGatewayV2HTTPEvent request, int status) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        return Json.mapper().readTree(response.getBody());
    }
}
