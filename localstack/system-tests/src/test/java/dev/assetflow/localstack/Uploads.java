package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.client.AssetflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
}
