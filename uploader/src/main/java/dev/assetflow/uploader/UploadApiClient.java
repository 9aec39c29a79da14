package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The upload API as a client app calls it: {@code POST /uploads}, the multipart routes under
 * {@code /uploads/{uploadId}}, and {@code GET /assets/{assetId}}. {@code authorize} adds what the deployed
 * API's authorizer wants (a JWT as {@code Authorization: Bearer}); the local stack needs nothing.
 */
public final class UploadApiClient {
    private final HttpClient http;
    private final URI api;
    private final UnaryOperator<HttpRequest.Builder> authorize;

    /** An answer of the API: its status and JSON body (a JSON null for an empty body). */
    public record ApiResponse(int status, JsonNode body) {
        public String message() {
            return body.path("error").asText("") + ": " + body.path("message").asText("");
        }
    }

    /** A part as reported back to the API: its number and the ETag S3 answered to its PUT. */
    public record PartReceipt(int partNumber, String etag) {}

    public UploadApiClient(URI api, UnaryOperator<HttpRequest.Builder> authorize) {
        String base = api.toString();
        this.api = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorize = authorize;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public UploadApiClient(URI api) {
        this(api, UnaryOperator.identity());
    }

    public URI api() {
        return api;
    }

    /** {@code POST /uploads}: an asset id and a PUT URL, or a multipart plan. */
    public ApiResponse requestUpload(String fileName, String contentType, long sizeBytes) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("fileName", fileName);
        request.put("contentType", contentType);
        request.put("sizeBytes", sizeBytes);
        // asked again when no answer comes: a request that did reach the API only leaves an unused upload (it expires)
        return sendRepeatable(request("uploads").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request))));
    }

    /** {@code GET /uploads/{uploadId}}: its state and the parts stored. */
    public ApiResponse multipartUpload(String uploadId) {
        return sendRepeatable(request("uploads/" + uploadId).GET());
    }

    /** {@code GET /uploads/{uploadId}/parts?from=N&count=M}: fresh part URLs. */
    public ApiResponse partUrls(String uploadId, int from, int count) {
        return sendRepeatable(request("uploads/" + uploadId + "/parts?from=" + from + "&count=" + count).GET());
    }

    /** {@code POST /uploads/{uploadId}/complete}. */
    public ApiResponse complete(String uploadId, List<PartReceipt> parts) {
        return post("uploads/" + uploadId + "/complete", Json.write(Map.of("parts", parts)));
    }

    /** {@code DELETE /uploads/{uploadId}}. */
    public ApiResponse abort(String uploadId) {
        return send(request("uploads/" + uploadId).DELETE());
    }

    /** {@code GET /assets/{assetId}}. */
    public ApiResponse asset(String assetId) {
        return send(request("assets/" + assetId).GET());
    }

    private ApiResponse post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return authorize.apply(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60)));
    }

    /** How often a request that may be repeated is sent when no answer comes back (a timeout, a dropped connection). */
    static final int ATTEMPTS = 3;

    /**
     * A request whose repetition does no harm, sent again (after 1 s, then 2 s) when it gets no answer at all; any
     * answer, whatever its status, is returned as it is. The last failure is thrown when none answers.
     */
    private ApiResponse sendRepeatable(HttpRequest.Builder request) {
        UncheckedIOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return send(request);
            } catch (UncheckedIOException e) {
                failure = e;
                if (attempt < ATTEMPTS) {
                    try {
                        Thread.sleep(1000L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
        throw failure;
    }

    private ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body());
            return new ApiResponse(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("calling the upload API at " + api + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the upload API", e);
        }
    }
}
