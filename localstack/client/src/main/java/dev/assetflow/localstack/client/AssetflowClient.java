package dev.assetflow.localstack.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Uses the pipeline the way a client app does: asks the upload API for a presigned URL, PUTs the
 * bytes straight to S3 with exactly the headers it was given, then reads the asset's status.
 */
public final class AssetflowClient {
    private static final Set<String> TERMINAL = Set.of("READY", "PARTIAL", "FAILED", "QUARANTINED");
    /** Headers java.net.http sets itself from the request; sending them by hand is refused. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    public AssetflowClient(URI api) {
        this.api = api;
    }

    public record ApiResponse(int status, JsonNode body) {}

    /** {@code POST /uploads}. */
    public ApiResponse requestUpload(String fileName, String contentType, long sizeBytes) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("fileName", fileName);
        request.put("contentType", contentType);
        request.put("sizeBytes", sizeBytes);
        return send(HttpRequest.newBuilder(api.resolve("/uploads")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request))).build());
    }

    /** PUTs a file to the presigned URL of an accepted upload; returns the HTTP status S3 answered. */
    public int put(JsonNode upload, Path file) {
        try {
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
            upload.path("headers").fields().forEachRemaining(header -> {
                if (!SET_BY_CLIENT.contains(header.getKey().toLowerCase())) {
                    put.header(header.getKey(), header.getValue().asText());
                }
            });
            return http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /assets/{id}}. */
    public ApiResponse asset(String assetId) {
        return send(HttpRequest.newBuilder(api.resolve("/assets/" + assetId)).GET().build());
    }

    /**
     * Polls the asset until it reaches a terminal state or the wait is over; reports every state it
     * sees change. Returns the last answer (404 while the upload has not been ingested yet).
     */
    public ApiResponse awaitTerminal(String assetId, Duration wait, Consumer<String> onStateChange) {
        Instant deadline = Instant.now().plus(wait);
        String lastState = null;
        ApiResponse response;
        do {
            response = asset(assetId);
            String state = response.status() == 200 ? response.body().path("state").asText() : null;
            if (state != null && !state.equals(lastState)) {
                onStateChange.accept(state);
                lastState = state;
            }
            if (state != null && TERMINAL.contains(state)) {
                return response;
            }
            sleep(200);
        } while (Instant.now().isBefore(deadline));
        return response;
    }

    public static boolean isTerminal(String state) {
        return TERMINAL.contains(state);
    }

    private ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body());
            return new ApiResponse(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
