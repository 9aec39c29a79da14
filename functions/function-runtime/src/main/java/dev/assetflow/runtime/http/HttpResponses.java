package dev.assetflow.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.domain.json.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON responses in API Gateway's payload format 2.0. */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(body)).build();
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of("Cache-Control", "no-store")).build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return json(status, body, Map.of());
    }
}
