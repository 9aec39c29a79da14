package dev.assetflow.localstack.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetflow.localstack.runtime.Exchanges;
import dev.assetflow.localstack.runtime.Forwarding;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults for functions that run in processes of their own (the Lambda host): their AWS endpoint is this
 * proxy, which forwards every request to the emulator but fails a seeded share of them first, the way
 * AWS does under load (HTTP 503 with the service's error shape, before the request has any effect), and
 * ends the workers at two chosen rendition uploads: before the n-th (mid-job) and right after the m-th
 * (the output is in S3, its checkpoint is not), as a dead Lambda execution environment ends.
 */
public final class FaultProxy implements AutoCloseable {

    private final double rate;
    private final Random random;
    private final String renditionsPath;
    private final int midJobUpload;
    private final int afterUpload;
    private final Runnable endWorkers;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicInteger uploadsBefore = new AtomicInteger();
    private final AtomicInteger uploadsAfter = new AtomicInteger();
    private final AtomicInteger deaths = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("fault-proxy-", 0).daemon().factory());
    private HttpServer server;
    private Forwarding forwarding;

    /**
     * @param renditionsBucket the bucket whose PUTs count as rendition uploads
     * @param midJobUpload     end the workers before the n-th rendition upload (0: never)
     * @param afterUpload      end them right after the m-th, before its checkpoint (0: never)
     * @param endWorkers       ends every worker execution environment that is busy now
     */
    public FaultProxy(double rate, long seed, String renditionsBucket, int midJobUpload, int afterUpload, Runnable endWorkers) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a fault rate is between 0 and 1, was " + rate);
        }
        this.rate = rate;
        this.random = new Random(seed);
        this.renditionsPath = "/" + renditionsBucket + "/";
        this.midJobUpload = midJobUpload;
        this.afterUpload = afterUpload;
        this.endWorkers = endWorkers;
    }

    /** Starts forwarding to {@code emulator}; returns the endpoint to give the functions instead. */
    public URI start(URI emulator) {
        this.forwarding = new Forwarding(emulator);
        server = Exchanges.loopbackServer(0, 64);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests seen (the SDK's retries included). */
    public long attempts() {
        return attempts.get();
    }

    public long injected() {
        return injected.get();
    }

    public int deaths() {
        return deaths.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            attempts.incrementAndGet();
            if (draw() < rate) {
                injected.incrementAndGet();
                reject(exchange);
                return;
            }
            boolean renditionUpload = exchange.getRequestMethod().equals("PUT")
                    && exchange.getRequestURI().getRawPath().startsWith(renditionsPath);
            if (renditionUpload && uploadsBefore.incrementAndGet() == midJobUpload) {
                die();
                return; // the worker is gone: nobody reads an answer
            }
            HttpResponse<byte[]> response = forwarding.forward(exchange);
            if (renditionUpload && response.statusCode() == 200 && uploadsAfter.incrementAndGet() == afterUpload) {
                die();
                return;
            }
            Forwarding.respond(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double draw() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private void die() {
        deaths.incrementAndGet();
        endWorkers.run();
    }

    /** What AWS answers when it sheds load, in the protocol the caller speaks (JSON for X-Amz-Target calls, XML else). */
    private static void reject(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        boolean json = exchange.getRequestHeaders().containsKey("X-amz-target");
        String body = json ? "{\"__type\":\"ServiceUnavailable\",\"message\":\"injected by FaultProxy\"}"
                : "<Error><Code>ServiceUnavailable</Code><Message>injected by FaultProxy</Message></Error>";
        boolean head = exchange.getRequestMethod().equals("HEAD"); // an answer to HEAD has no body
        Exchanges.write(exchange, 503, Map.of("Content-Type", json ? "application/x-amz-json-1.0" : "application/xml"),
                head ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }
}
