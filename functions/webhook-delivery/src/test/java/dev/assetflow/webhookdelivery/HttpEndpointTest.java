package dev.assetflow.webhookdelivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.assetflow.domain.webhook.DeliveryAttempt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One POST to a real HTTP server on the loopback address: what the endpoint port reports for each kind of answer. */
class HttpEndpointTest {
    private HttpServer server;
    private final List<com.sun.net.httpserver.Headers> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/busy", exchange -> {
            received.add(exchange.getRequestHeaders());
            byte[] body = "try again later".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "120");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            received.add(exchange.getRequestHeaders());
            exchange.getResponseHeaders().add("Location", url("/busy").toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            received.add(exchange.getRequestHeaders());
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/trickle", exchange -> {
            received.add(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(200, 0); // chunked: the headers now, the body never
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aLoopbackEndpointIsRefusedBeforeAnyConnectionUnlessPrivateAddressesAreAllowed() {
        DeliveryAttempt refused = endpoint("/busy", false).post("{}", Map.of());
        assertThat(refused).isInstanceOf(DeliveryAttempt.NotAllowed.class);
        assertThat(((DeliveryAttempt.NotAllowed) refused).reason()).contains("loopback", "allowPrivateAddresses");
        assertThat(received).as("nothing was sent").isEmpty();
    }

    @Test
    void theStatusRetryAfterAndAnExcerptOfTheAnswerAreReportedWithTheHeadersSent() {
        DeliveryAttempt answer = endpoint("/busy", true).post("{\"a\":1}", Map.of("Assetflow-Event-Id", "ev-1"));
        assertThat(answer).isEqualTo(new DeliveryAttempt.Answered(503, "120", "try again later"));
        assertThat(received.get(0).getFirst("Assetflow-Event-Id")).isEqualTo("ev-1");
        assertThat(received.get(0).getFirst("X-amzn-trace-id")).isEqualTo("Root=1-test");
    }

    @Test
    void aRedirectIsNotFollowed() {
        assertThat(endpoint("/moved", true).post("{}", Map.of())).isEqualTo(new DeliveryAttempt.Answered(302, null, ""));
        assertThat(received).as("only the first address was called").hasSize(1);
    }

    @Test
    void anEndpointThatNeverAnswersOrRefusesTheConnectionIsNoAnswer() throws IOException {
        DeliveryAttempt silent = endpoint("/silent", true).post("{}", Map.of());
        assertThat(silent).isInstanceOf(DeliveryAttempt.NoAnswer.class);
        assertThat(((DeliveryAttempt.NoAnswer) silent).reason()).contains("no answer within 1 s");
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        HttpEndpoint nobody = new HttpEndpoint(URI.create("http://127.0.0.1:" + closed + "/hook"), true, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Optional::empty);
        assertThat(nobody.post("{}", Map.of())).isInstanceOf(DeliveryAttempt.NoAnswer.class);
    }

    @Test
    void aBodyThatNeverComesDoesNotHoldTheDeliveryBeyondTheReadTimeout() {
        // the excerpt says the body was given up on at the read timeout (the endpoint holds it 5 s)
        assertThat(endpoint("/trickle", true).post("{}", Map.of())).isEqualTo(new DeliveryAttempt.Answered(200, null,
                "(no answer body within 1 s)"));
    }

    private HttpEndpoint endpoint(String path, boolean allowPrivate) {
        return new HttpEndpoint(url(path), allowPrivate, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> Optional.of("Root=1-test"));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
