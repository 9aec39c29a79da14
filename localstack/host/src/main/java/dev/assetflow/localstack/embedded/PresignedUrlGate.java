package dev.assetflow.localstack.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetflow.localstack.runtime.Exchanges;
import dev.assetflow.localstack.runtime.Forwarding;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the emulator does not check of a presigned URL (shared/local-aws.md): that it has not expired. The
 * functions behind the HTTP API (which presign the URLs clients use) get this loopback proxy as their AWS
 * endpoint: a request whose {@code X-Amz-Date} + {@code X-Amz-Expires} has passed gets S3's answer
 * ({@code 403 AccessDenied}, "Request has expired",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html); anything else goes to the
 * emulator unchanged. Signatures are not verified (the emulator does not either).
 */
public final class PresignedUrlGate implements AutoCloseable {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Forwarding forwarding;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("url-gate-", 0).daemon().factory());
    private volatile Duration skew = Duration.ZERO;

    public PresignedUrlGate(URI emulator) {
        this.forwarding = new Forwarding(emulator);
        this.server = Exchanges.loopbackServer(0, 1024);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** For tests: judge expiry as if it were this much later (a URL's lifetime is minutes; a test's patience is not). */
    public void judgeAsIfLater(Duration later) {
        this.skew = later;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<Instant> expiry = expiry(exchange.getRequestURI().getRawQuery());
            if (expiry.isPresent() && !Instant.now().plus(skew).isBefore(expiry.get())) {
                exchange.getRequestBody().readAllBytes();
                String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                        + "<Expires>" + expiry.get() + "</Expires><ServerTime>" + Instant.now().plus(skew) + "</ServerTime></Error>";
                Exchanges.write(exchange, 403, Map.of("Content-Type", "application/xml"), body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Forwarding.respond(exchange, forwarding.forward(exchange));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When a presigned request stops being valid: its signing time plus its lifetime; empty for any other request. */
    static Optional<Instant> expiry(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!query.containsKey("X-Amz-Date") || !query.containsKey("X-Amz-Expires")) {
            return Optional.empty();
        }
        try {
            Instant signed = LocalDateTime.parse(query.get("X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
            return Optional.of(signed.plusSeconds(Long.parseLong(query.get("X-Amz-Expires"))));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.of(Instant.EPOCH); // S3 refuses a presigned request it cannot read; so does the gate
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
