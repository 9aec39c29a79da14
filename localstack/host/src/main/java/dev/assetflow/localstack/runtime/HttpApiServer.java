package dev.assetflow.localstack.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetflow.domain.json.Json;
import dev.assetflow.topology.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API Gateway's HTTP API does in front of a function: matches the request against the routes
 * the topology declares, builds a payload-format-2.0 event (route key, path parameters, lowercase
 * headers), invokes the function, and writes its response. Loopback only.
 */
public final class HttpApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * Requests served at once, each by an execution environment of its own (API Gateway gives each concurrent
     * request one on AWS). 16 keeps a burst's quick requests from queueing behind a few slow ones (a multipart
     * start waits on the emulator) without starting more JVMs than two cores can warm.
     */
    public static final int CONCURRENCY = 16;

    private record Route(String method, String routeKey, Pattern path, List<String> parameters,
            LocalFunction function) {}

    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    private volatile ConsoleSite site;

    public HttpApiServer(int port) {
        // a burst of clients connects at once: a short accept backlog would drop their SYNs and make them wait
        // a second for the retransmission, which is the kernel's delay, not the API's
        server = Exchanges.loopbackServer(port, 1024);
        server.setExecutor(Executors.newFixedThreadPool(CONCURRENCY, Thread.ofPlatform().name("http-api-", 0).daemon().factory()));
        server.createContext("/", this::serve);
    }

    public void route(FunctionSpec.HttpRoute route, LocalFunction function) {
        List<String> parameters = new ArrayList<>();
        Matcher placeholder = Pattern.compile("\\{([^}/]+)}").matcher(route.path());
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(route.path().substring(last, placeholder.start()))).append("([^/]+)");
            parameters.add(placeholder.group(1));
            last = placeholder.end();
        }
        regex.append(Pattern.quote(route.path().substring(last)));
        routes.add(new Route(route.method(), route.routeKey(), Pattern.compile(regex.toString()), parameters, function));
    }

    /** Serves the console and renditions for whatever no route matches (as the console distribution does on AWS). */
    public void site(ConsoleSite site) {
        this.site = site;
    }

    public HttpApiServer start() {
        server.start();
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            for (Route route : routes) {
                Matcher matcher = route.path().matcher(path);
                if (route.method().equals(exchange.getRequestMethod()) && matcher.matches()) {
                    respond(exchange, route.function().invoke(event(exchange, route, matcher).toString()));
                    return;
                }
            }
            if (site != null && site.serve(exchange)) {
                return;
            }
            Exchanges.write(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.error("the function behind {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            Exchanges.write(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode event(HttpExchange exchange, Route route, Matcher matcher) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Instant now = Instant.now();
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        event.put("rawQueryString", query);
        if (!query.isEmpty()) { // API Gateway joins repeated parameters with commas
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.put(name, parameters.has(name) ? parameters.get(name).asText() + "," + value : value);
            }
        }
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (!route.parameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            for (int i = 0; i < route.parameters().size(); i++) {
                parameters.put(route.parameters().get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length > 0) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static void respond(HttpExchange exchange, String response) throws IOException {
        JsonNode json = LambdaEvents.httpResponse(response);
        Map<String, String> headers = new HashMap<>();
        json.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        String body = json.path("body").asText("");
        byte[] bytes = json.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        Exchanges.write(exchange, json.path("statusCode").asInt(200), headers, bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
