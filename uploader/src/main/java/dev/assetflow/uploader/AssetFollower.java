package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/** Follows an asset through {@code GET /assets/{id}} to a terminal state, telling each state it sees change. */
public final class AssetFollower {
    public static final Set<String> TERMINAL = Set.of("READY", "PARTIAL", "FAILED", "QUARANTINED");

    private final UploadApiClient api;
    private final Duration every;

    public AssetFollower(UploadApiClient api, Duration every) {
        this.api = api;
        this.every = every;
    }

    /** The last answer: terminal, or whatever it was when {@code wait} ran out (404 until ingest has seen the upload). */
    public UploadApiClient.ApiResponse follow(String assetId, Duration wait, Consumer<JsonNode> onStateChange) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        String last = null;
        UploadApiClient.ApiResponse response;
        do {
            response = api.asset(assetId);
            String state = response.status() == 200 ? response.body().path("state").asText() : null;
            if (state != null && !state.equals(last)) {
                onStateChange.accept(response.body());
                last = state;
            }
            if (state != null && TERMINAL.contains(state)) {
                return response;
            }
            Thread.sleep(every.toMillis());
        } while (Instant.now().isBefore(deadline));
        return response;
    }
}
