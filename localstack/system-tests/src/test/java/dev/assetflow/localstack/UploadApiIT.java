package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

/** The upload API over HTTP, as a client app sees it. */
@ExtendWith(LocalStackExtension.class)
class UploadApiIT {

    @Test
    void issuesAShortLivedUrlThatBindsContentTypeAndSize(LocalStackExtension.Fixture fx) {
        AssetflowClient.ApiResponse response = client(fx).requestUpload("a b.png", "image/png", 1234);

        assertThat(response.status()).isEqualTo(201);
        JsonNode upload = response.body().path("upload");
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        // moto does not verify signatures, so the binding is checked on the signed request itself
        String query = URI.create(upload.path("url").asText()).getRawQuery();
        List<String> signedHeaders = Arrays.asList(URLDecoder.decode(parameter(query, "X-Amz-SignedHeaders"),
                StandardCharsets.UTF_8).split(";"));
        assertThat(signedHeaders).contains("content-type", "content-length", "if-none-match", "host");
        assertThat(parameter(query, "X-Amz-Expires")).isEqualTo("900");
        assertThat(upload.path("headers").path("Content-Type").asText()).isEqualTo("image/png");
        assertThat(upload.path("headers").path("Content-Length").asText()).isEqualTo("1234");
        assertThat(upload.path("headers").path("If-None-Match").asText()).isEqualTo("*");
        String assetId = response.body().path("assetId").asText();
        assertThat(response.body().path("key").asText()).isEqualTo("uploads/" + assetId + "/a b.png");
        assertThat(response.body().path("status").asText()).isEqualTo("/assets/" + assetId);
    }

    @Test
    void anUploadUrlWritesTheOriginalOnceAndAReplayCannotOverwriteIt(LocalStackExtension.Fixture fx, @TempDir Path dir)
            throws IOException {
        Path picture = Files.write(dir.resolve("once.bin"), new byte[] {1, 2, 3, 4});
        JsonNode upload = client(fx).requestUpload("once.bin", "application/octet-stream", 4).body().path("upload");

        assertThat(client(fx).put(upload, picture)).isEqualTo(200);
        assertThat(client(fx).put(upload, picture)).as("If-None-Match: * is signed: S3 refuses the second write")
                .isEqualTo(412);
    }

    @Test
    void refusesBadRequestsWithAClearMessage(LocalStackExtension.Fixture fx) {
        AssetflowClient client = client(fx);
        assertError(client.requestUpload("a.exe", "application/x-msdownload", 10), 415, "unsupported_content_type", "not accepted");
        assertError(client.requestUpload("huge.mp4", "video/mp4", 11L * 1024 * 1024 * 1024), 413, "too_large", "limit");
        assertError(client.requestUpload(null, "image/png", 10), 400, "invalid_request", "fileName");
        assertError(raw(fx, "POST", "/uploads", "fileName=a.png"), 400, "invalid_request", "the body is not JSON");
        assertError(raw(fx, "POST", "/uploads", "{\"fileName\": \"a.png\", \"contentType\": \"image/png\", \"size\": 10}"),
                400, "invalid_request", "unknown field 'size'; the fields are fileName, contentType, sizeBytes");
    }

    @Test
    void answersUnknownAssetsAndRoutesWithErrors(LocalStackExtension.Fixture fx) {
        assertError(client(fx).asset("0f8fad5b-d9cb-469f-a165-70867728950e"), 404, "not_found", "no asset");
        assertError(client(fx).asset("..%2Fetc"), 400, "invalid_request", "not an asset id");
        assertThat(raw(fx, "DELETE", "/uploads", "").status()).isEqualTo(404);
    }

    private static void assertError(AssetflowClient.ApiResponse response, int status, String code, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().path("error").asText()).isEqualTo(code);
        assertThat(response.body().path("message").asText()).contains(message);
    }

    private static AssetflowClient client(LocalStackExtension.Fixture fx) {
        return new AssetflowClient(fx.stack().apiEndpoint());
    }

    private static AssetflowClient.ApiResponse raw(LocalStackExtension.Fixture fx, String method, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fx.stack().apiEndpoint().resolve(path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new AssetflowClient.ApiResponse(response.statusCode(),
                    Json.mapper().readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }
}
