package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
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

    /**
     * The last answer: terminal, or whatever it was when {@code wait} ran out (404 until ingest has seen the upload). A
     * poll that fails (a timeout, a reset connection) is asked again at the next turn: following is only reading, and a
     * slow answer says nothing about the asset. Only when no poll has answered by the deadline is the last failure thrown.
     */
    public UploadApiClient.ApiResponse follow(String assetId, Duration wait, Consumer<JsonNode> onStateChange) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        String last = null;
        UploadApiClient.ApiResponse response = null;
        UncheckedIOException failure = null;
        do {
            try {
                response = api.asset(assetId);
            } catch (UncheckedIOException e) {
                failure = e;
                Thread.sleep(every.toMillis());
                continue;
            }
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
        if (response == null) {
            throw failure;
        }
        return response;
    }
}
