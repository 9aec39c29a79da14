package dev.assetflow.localstack.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetflow.localstack.runtime.Exchanges;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API of one execution environment
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), served on a loopback port that the
 * environment's process finds in {@code AWS_LAMBDA_RUNTIME_API}: {@code GET /runtime/invocation/next}
 * hands out the next invocation with Lambda's headers, {@code POST …/{id}/response} and
 * {@code …/{id}/error} complete it, {@code POST /runtime/init/error} reports a failed init.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";

    /** One invocation, handed to the runtime by {@code next}. */
    record Invocation(String requestId, String event, long deadlineEpochMs, String functionArn, String traceId,
            CompletableFuture<Outcome> outcome) {}

    /** How an invocation or an init ended, as the runtime reported it. */
    sealed interface Outcome {
        record Response(String body) implements Outcome {}

        record Error(String errorType, String body) implements Outcome {}
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Outcome> init = new CompletableFuture<>();
    private volatile boolean open = true;

    RuntimeApi() {
        server = Exchanges.loopbackServer(0, 16);
        threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("runtime-api-", 0).daemon().factory());
        server.setExecutor(threads);
        server.createContext(BASE + "/", this::serve);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Completes with a Response when the runtime first asks for an invocation (its init is done), or with
     * an Error when it reports that its init failed.
     */
    CompletableFuture<Outcome> init() {
        return init;
    }

    void submit(Invocation invocation) {
        pending.add(invocation);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("/init/error")) {
                init.complete(new Outcome.Error(errorType(exchange), body(exchange)));
                write(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                Invocation invocation = parts.length == 4 ? running.remove(parts[2]) : null;
                if (invocation == null) {
                    write(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                String body = body(exchange);
                invocation.outcome().complete(parts[3].equals("response") ? new Outcome.Response(body)
                        : new Outcome.Error(errorType(exchange), body));
                write(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                write(exchange, 404, "{\"errorMessage\":\"not a Runtime API path\"}");
            }
        }
    }

    /** Long-polls until an invocation is there; the first call marks the end of the runtime's init. */
    private void next(HttpExchange exchange) throws IOException {
        init.complete(new Outcome.Response(""));
        Invocation invocation = null;
        try {
            while (open && invocation == null) {
                invocation = pending.poll(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            return; // the environment is shutting down: the runtime sees no answer and exits, as on Lambda
        }
        running.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        // the runtime interface client dereferences the content type natively: it must always be present
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.add("Lambda-Runtime-Trace-Id", invocation.traceId());
        write(exchange, 200, invocation.event());
    }

    private static String errorType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return type == null ? "Unhandled" : type;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        Exchanges.write(exchange, status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        open = false;
        server.stop(0);
        threads.shutdownNow();
    }
}
