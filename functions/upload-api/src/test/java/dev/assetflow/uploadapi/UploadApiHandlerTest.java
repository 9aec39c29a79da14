package dev.assetflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.domain.json.Json;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The upload API handler on the sample requests in events/upload-api. Presigning is computed locally
 * by the real SDK presigner, so POST needs no AWS endpoint; the endpoint given is never called.
 */
class UploadApiHandlerTest {
    static final AwsClients OFFLINE = new AwsClients(ClientSettings.forEmulator(URI.create("http://127.0.0.1:9"), "us-east-1"));
    static final UploadApiHandler HANDLER = new UploadApiHandler(OFFLINE, Map.of(
            "UPLOADS_BUCKET", "assetflow-test-uploads", "ASSETS_TABLE", "assetflow-test-assets", "UPLOADS_TABLE", "assetflow-test-uploads",
            "MAX_UPLOAD_BYTES", "1073741824", "UPLOAD_URL_TTL_SECONDS", "600"));

    @AfterAll
    static void closeClients() {
        OFFLINE.close();
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/post-uploads.json", type = APIGatewayV2HTTPEvent.class)
    void answersAPresignedPutForAnAcceptedUpload(APIGatewayV2HTTPEvent request) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = Json.mapper().readTree(response.getBody());
        String assetId = body.path("assetId").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/assets/" + assetId);
        assertThat(body.path("key").asText()).isEqualTo("uploads/" + assetId + "/My Cat +1 ü.png");
        assertThat(body.path("upload").path("url").asText()).contains("/assetflow-test-uploads/uploads/" + assetId)
                .contains("X-Amz-Expires=600");
        assertThat(body.path("upload").path("headers").path("Content-Type").asText()).isEqualTo("image/png");
        assertThat(body.path("upload").path("headers").path("Content-Length").asText()).isEqualTo("48213");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/post-uploads-too-large.json", type = APIGatewayV2HTTPEvent.class)
    void refusesAFileOverTheLimit(APIGatewayV2HTTPEvent request) throws Exception {
        assertError(HANDLER.handleRequest(request, null), 413, "too_large");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/post-uploads-unsupported-type.json", type = APIGatewayV2HTTPEvent.class)
    void refusesAnUnknownContentType(APIGatewayV2HTTPEvent request) throws Exception {
        assertError(HANDLER.handleRequest(request, null), 415, "unsupported_content_type");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/post-uploads-not-json.json", type = APIGatewayV2HTTPEvent.class)
    void refusesABodyThatIsNotJson(APIGatewayV2HTTPEvent request) throws Exception {
        assertError(HANDLER.handleRequest(request, null), 400, "invalid_request");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/post-uploads-unknown-field.json", type = APIGatewayV2HTTPEvent.class)
    void namesAnUnknownFieldAndTheExpectedOnes(APIGatewayV2HTTPEvent request) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertError(response, 400, "invalid_request");
        assertThat(Json.mapper().readTree(response.getBody()).path("message").asText())
                .isEqualTo("unknown field 'size'; the fields are fileName, contentType, sizeBytes");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/get-assets-bad-filters.json", type = APIGatewayV2HTTPEvent.class)
    void answersAListWithBadFiltersWithEveryProblemBeforeReadingAnything(APIGatewayV2HTTPEvent request) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertError(response, 400, "invalid_request");
        assertThat(Json.mapper().readTree(response.getBody()).path("message").asText()).contains("state 'done'", "limit '500'");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/post-uploads-not-json.json", type = APIGatewayV2HTTPEvent.class)
    void saysABodyIsNotJson(APIGatewayV2HTTPEvent request) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertThat(Json.mapper().readTree(response.getBody()).path("message").asText()).startsWith("the body is not JSON");
    }

    @ParameterizedTest
    @Event(value = "events/upload-api/delete-upload-invalid-id.json", type = APIGatewayV2HTTPEvent.class)
    void refusesAnUploadIdThatIsNotOneBeforeAnyCall(APIGatewayV2HTTPEvent request) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertError(response, 400, "invalid_request");
        assertThat(Json.mapper().readTree(response.getBody()).path("message").asText()).isEqualTo("'../etc' is not an upload id");
    }

    /**
     * The multipart routes read the uploads table and S3 (covered against the emulator by MultipartUploadIT); here
     * nothing answers at the endpoint, and each says so as a retryable 503 naming what it was doing, never a 500.
     */
    @ParameterizedTest
    @Events(type = APIGatewayV2HTTPEvent.class, events = {
            @Event("events/upload-api/post-uploads-multipart.json"), @Event("events/upload-api/get-upload.json"),
            @Event("events/upload-api/get-upload-parts.json"), @Event("events/upload-api/post-upload-complete.json")})
    void aMultipartRouteWhoseStoreIsUnreachableAnswers503(APIGatewayV2HTTPEvent request) throws Exception {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request, null);
        assertError(response, 503, "unavailable");
        assertThat(Json.mapper().readTree(response.getBody()).path("message").asText())
                .containsAnyOf("starting a multipart upload of uploads/", "reading the multipart upload of asset 0f8fad5b-");
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = Json.mapper().readTree(response.getBody());
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
