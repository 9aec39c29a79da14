package dev.assetflow.opsapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.domain.json.Json;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The ops-api handler on the sample requests in events/ops-api. Bad requests are answered before any call; a valid
 * one reads the assets table, which nothing answers here (ConsoleIT and OpsApiIT cover the stack).
 */
class OpsApiHandlerTest {
    static final AwsClients OFFLINE = new AwsClients(ClientSettings.forEmulator(URI.create("http://127.0.0.1:9"), "us-east-1"));
    static final OpsApiHandler HANDLER = new OpsApiHandler(OFFLINE, Map.of("ASSETS_TABLE", "assetflow-test-assets",
            "FAILURES_TABLE", "assetflow-test-failures", "BREAKERS_TABLE", "assetflow-test-breakers", "BREAKER_STEPS", "image-worker",
            "DEAD_LETTER_QUEUE_URLS", "{\"assetflow-test-image-critical\":\"http://127.0.0.1:9/q/image-critical-dlq\"}",
            "INGEST_QUEUE_URL", "http://127.0.0.1:9/q/ingest",
            "WORK_QUEUES", "{\"image/critical\":\"http://127.0.0.1:9/q/image-critical\"}",
            "ROUTING_RULES", "ssm:/assetflow-test/routing-rules", "PROFILES", "ssm:/assetflow-test/profiles"));

    @AfterAll
    static void closeClients() {
        OFFLINE.close();
    }

    @ParameterizedTest
    @Event(value = "events/ops-api/redrive-unknown-category.json", type = APIGatewayV2HTTPEvent.class)
    void aRedriveOfAnUnknownCategoryIsRefusedWithTheCategoriesThereAre(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 400).path("message").asText()).contains("TRANSIENT", "CORRUPT_MEDIA", "not 'FLAKY'");
    }

    @ParameterizedTest
    @Event(value = "events/ops-api/redrive-without-queue.json", type = APIGatewayV2HTTPEvent.class)
    void aRedriveNamesItsSourceQueue(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 400).path("message").asText()).contains("sourceQueue", "GET /ops/dead-letters");
    }

    @ParameterizedTest
    @Event(value = "events/ops-api/latency-bad-window.json", type = APIGatewayV2HTTPEvent.class)
    void aLatencyWindowShorterThanFiveMinutesIsRefused(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 400).path("message").asText()).contains("PT5M", "PT10S");
    }

    @ParameterizedTest
    @Event(value = "events/ops-api/latency-last-hour.json", type = APIGatewayV2HTTPEvent.class)
    void aValidLatencyRequestWithAnUnreachableTableIsARetryable503(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 503).path("error").asText()).isEqualTo("unavailable");
    }

    @ParameterizedTest
    @Event(value = "events/ops-api/config-unknown-document.json", type = APIGatewayV2HTTPEvent.class)
    void anUnknownConfigurationDocumentIsNotFoundBeforeAnyCall(APIGatewayV2HTTPEvent request) throws Exception {
        assertThat(answer(request, 404).path("message").asText()).contains("pricing", "routing-rules or profiles");
    }

    private static JsonNode answer(APIGatewayV2HTTPEvent request, int status) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.mapper().readTree(response.getBody());
    }
}
