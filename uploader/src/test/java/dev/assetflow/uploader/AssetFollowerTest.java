package dev.assetflow.uploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Following an asset, and asking for an upload, over a loopback stand-in of the API whose first answers are dropped
 * connections (what a client sees of a request that gets no answer).
 */
class AssetFollowerTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aPollThatFailsIsAskedAgainUntilTheAssetIsTerminal() throws Exception {
        AtomicInteger requests = serve(2, "{\"state\":\"READY\"}");
        List<String> seen = new ArrayList<>();

        UploadApiClient.ApiResponse answer = new AssetFollower(new UploadApiClient(endpoint()), Duration.ofMillis(10))
                .follow("0f8fad5b-d9cb-469f-a165-70867728950e", Duration.ofSeconds(20), body -> seen.add(body.path("state").asText()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("state").asText()).isEqualTo("READY");
        assertThat(requests.get()).as("two dropped, then the answer").isEqualTo(3);
        assertThat(seen).containsExactly("READY");
    }

    @Test
    void whenNoPollAnswersByTheDeadlineTheLastFailureIsThrown() throws Exception {
        serve(Integer.MAX_VALUE, "{}");

        assertThatThrownBy(() -> new AssetFollower(new UploadApiClient(endpoint()), Duration.ofMillis(50))
                .follow("0f8fad5b-d9cb-469f-a165-70867728950e", Duration.ofMillis(500), body -> { }))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("upload API");
    }

    @Test
    void anUploadRequestThatGetsNoAnswerIsAskedAgainAndAnAnswerIsKeptWhateverItsStatus() throws Exception {
        AtomicInteger requests = serve(1, "{\"assetId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}");

        UploadApiClient.ApiResponse answer = new UploadApiClient(endpoint()).requestUpload("a.png", "image/png", 10);

        assertThat(answer.body().path("assetId").asText()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void anUploadRequestIsSentAtMostThreeTimes() throws Exception {
        AtomicInteger requests = serve(Integer.MAX_VALUE, "{}");

        assertThatThrownBy(() -> new UploadApiClient(endpoint()).requestUpload("a.png", "image/png", 10))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(requests.get()).isEqualTo(UploadApiClient.ATTEMPTS);
    }

    /** Drops the first {@code dropped} connections without an answer, then answers 200 with {@code body}. */
    private AtomicInteger serve(int dropped, String body) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            if (requests.incrementAndGet() <= dropped) {
                exchange.close(); // no status line: the client reads the connection's end
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return requests;
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
