package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.client.AssetflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Uploads a file through the API as a client app would, and waits for its asset to settle. */
final class Uploads {
    static final Duration SETTLE = Duration.ofSeconds(90);

    private Uploads() {
    }

    /** @return the asset id */
    static String upload(AssetflowClient client, String fileName, String contentType, Path file) {
        try {
            AssetflowClient.ApiResponse response = client.requestUpload(fileName, contentType, Files.size(file));
            assertThat(response.status()).as("POST /uploads answered %s", response.body()).isEqualTo(201);
            assertThat(client.put(response.body().path("upload"), file)).as("PUT to the presigned URL").isEqualTo(200);
            return response.body().path("assetId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The asset as GET /assets/{id} shows it once terminal; fails if it does not settle in time. */
    static JsonNode settled(AssetflowClient client, String assetId) {
        AssetflowClient.ApiResponse response = client.awaitTerminal(assetId, SETTLE, state -> { });
        assertThat(response.status()).as("GET /assets/%s", assetId).isEqualTo(200);
        assertThat(AssetflowClient.isTerminal(response.body().path("state").asText()))
                .as("asset %s settled within %s; it is %s", assetId, SETTLE, response.body()).isTrue();
        return response.body();
    }

    /** The asset once READY with renditions of {@code profileVersion} (a reprocess); fails if it is not within {@code wait}. */
    static JsonNode readyWithVersion(AssetflowClient client, String assetId, int profileVersion, Duration wait) {
        Instant until = Instant.now().plus(wait);
        JsonNode asset = client.asset(assetId).body();
        while (!(asset.path("state").asText().equals("READY") && !locationsOf(asset, profileVersion).isEmpty())) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("asset " + assetId + " was not READY with v" + profileVersion + " within " + wait + ": " + asset);
            }
            WorkQueues.sleep(300);
            asset = client.asset(assetId).body();
        }
        return asset;
    }

    /** Where each rendition of {@code profileVersion} is, by name (a kept one's location names the version that made it). */
    static Map<String, String> locationsOf(JsonNode asset, int profileVersion) {
        Map<String, String> locations = new TreeMap<>();
        asset.path("renditions").forEach(r -> {
            if (r.path("profileVersion").asInt() == profileVersion) {
                locations.put(r.path("name").asText(), r.path("location").asText());
            }
        });
        return locations;
    }
}
