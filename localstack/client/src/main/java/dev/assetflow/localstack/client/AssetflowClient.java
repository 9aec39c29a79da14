package dev.assetflow.localstack.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.uploader.AssetFollower;
import dev.assetflow.uploader.PartPut;
import dev.assetflow.uploader.UploadApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Uses the pipeline the way a client app does: asks the upload API for a presigned URL, PUTs the
 * bytes straight to S3 with exactly the headers it was given, then reads the asset's status. The calls
 * are the uploader's ({@code scripts/upload}); this is the short form the tests and the demo use.
 */
public final class AssetflowClient {
    private final UploadApiClient api;
    private final PartPut put = new PartPut();
    private final AssetFollower follower;

    public AssetflowClient(URI api) {
        this.api = new UploadApiClient(api);
        this.follower = new AssetFollower(this.api, Duration.ofMillis(200));
    }

    public record ApiResponse(int status, JsonNode body) {
        static ApiResponse of(UploadApiClient.ApiResponse response) {
            return new ApiResponse(response.status(), response.body());
        }
    }

    /** {@code POST /uploads}. */
    public ApiResponse requestUpload(String fileName, String contentType, long sizeBytes) {
        return ApiResponse.of(api.requestUpload(fileName, contentType, sizeBytes));
    }

    /** PUTs a file to the presigned URL of an accepted upload; returns the HTTP status S3 answered. */
    public int put(JsonNode upload, Path file) {
        try {
            return put.put(upload, file, 0, Files.size(file), sent -> { }).status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /assets/{id}}. */
    public ApiResponse asset(String assetId) {
        return ApiResponse.of(api.asset(assetId));
    }

    /**
     * Polls the asset until it reaches a terminal state or the wait is over; reports every state it
     * sees change. Returns the last answer (404 while the upload has not been ingested yet).
     */
    public ApiResponse awaitTerminal(String assetId, Duration wait, Consumer<String> onStateChange) {
        try {
            return ApiResponse.of(follower.follow(assetId, wait, body -> onStateChange.accept(body.path("state").asText())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static boolean isTerminal(String state) {
        return AssetFollower.TERMINAL.contains(state);
    }
}
