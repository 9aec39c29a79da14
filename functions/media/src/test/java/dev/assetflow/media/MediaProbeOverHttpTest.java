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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger garbageReads = new AtomicInteger();
    private final AtomicInteger flakyReads = new AtomicInteger();
    private byte[] video;

    @BeforeEach
    void serve(@TempDir Path samples) throws IOException {
        Path clip = samples.resolve("clip.mp4");
        ProcessRunner.Result made = new ProcessRunner().run(List.of(MediaTools.fromVenv().ffmpeg().toString(), "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc=size=160x90:rate=25", "-t", "1", "-c:v", "libx264", clip.toString()), samples, Duration.ofMinutes(1));
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        video = Files.readAllBytes(clip);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/busy.mp4", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/flaky.mp4", exchange -> {
            // the first read is cut short and unparseable, as a range request S3 refuses mid-probe looks to ffprobe
            byte[] body = flakyReads.incrementAndGet() == 1 ? "not the video".getBytes(StandardCharsets.US_ASCII) : video;
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/garbage.mp4", exchange -> {
            garbageReads.incrementAndGet();
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
    void contentFfprobeCannotParseIsCorruptMediaWhenItIsTheSameTwice(@TempDir Path dir) {
        assertThatThrownBy(() -> probe.probeMedia(url("/garbage.mp4"), dir, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(FailureException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA));
        assertThat(garbageReads.get()).as("probed once more before it is called corrupt").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnparseableFirstReadOverHttpIsProbedAgainAndTheVideoIsRead(@TempDir Path dir) {
        MediaInfo info = probe.probeMedia(url("/flaky.mp4"), dir, Duration.ofSeconds(20));

        assertThat(info.video()).isPresent();
        assertThat(info.durationSeconds()).isPositive();
        assertThat(flakyReads.get()).isGreaterThanOrEqualTo(2);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
