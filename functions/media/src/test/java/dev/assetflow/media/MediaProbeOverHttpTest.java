package dev.assetflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffprobe reading an original over a presigned URL: when the server fails (S3 sheds load with 503), the
 * probe is TRANSIENT and the message comes back; only content ffprobe cannot parse is CORRUPT_MEDIA.
 */
class MediaProbeOverHttpTest {
    private final MediaProbe probe = new MediaProbe(MediaTools.fromVenv(), new ProcessRunner());
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/busy.mp4", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/garbage.mp4", exchange -> {
            byte[] body = "this is not a video at all, just words".repeat(100).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aServerErrorWhileReadingIsTransient(@TempDir Path dir) {
        assertThatThrownBy(() -> probe.probeMedia(url("/busy.mp4"), dir, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.TRANSIENT);
                    assertThat(e.failure().reason()).contains("Server returned 5XX").doesNotContain("127.0.0.1");
                });
    }

    @Test
    void aServerThatIsNotThereIsTransient(@TempDir Path dir) {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThatThrownBy(() -> probe.probeMedia("http://127.0.0.1:" + port + "/gone.mp4", dir, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(FailureException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.TRANSIENT));
    }

    @Test
    void contentFfprobeCannotParseIsCorruptMedia(@TempDir Path dir) {
        assertThatThrownBy(() -> probe.probeMedia(url("/garbage.mp4"), dir, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(FailureException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
