package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetflow.aws.webhook.DynamoDeliveryLog;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.webhook.DeliveryRecord;
import dev.assetflow.domain.webhook.WebhookSignature;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.ops.webhooks.WebhooksCommand;
import dev.assetflow.topology.WebhookSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Webhook subscribers on the local stack, each a function from the webhook-delivery artifact, delivering to a receiver in
 * this test on the loopback address that verifies every signature with the secret it reads from Secrets Manager:
 * "flaky" answers 500 twice, then 200 (delivered once to the application, 3 attempts recorded); "gone" answers 410
 * (dead-lettered at once); "silent" never answers in time (retried until its shortened deadline, dead-lettered, then
 * delivered by a replay); "private" points at the loopback without allowing private addresses (refused, nothing sent).
 * Only asset.ready passes their filter. The asset's lines in every function's log are found with one grep of its id.
 */
class WebhookIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Map<String, String> FAST_RETRIES = Map.of("RETRY_BASE_SECONDS", "1", "RETRY_MAX_SECONDS", "2",
            "READ_TIMEOUT_SECONDS", "1", "CONNECT_TIMEOUT_SECONDS", "1");
    private static HttpServer receiver;
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();
    private static AssetflowClient api;
    private static final List<Received> requests = new CopyOnWriteArrayList<>();
    /** The application behind the receiver: each event once, by its id. */
    private static final Set<String> applied = ConcurrentHashMap.newKeySet();
    private static final Map<String, Integer> flakyFailures = new ConcurrentHashMap<>();
    private static final AtomicBoolean silentWakesUp = new AtomicBoolean(false);

    @TempDir
    static Path dir;

    record Received(String path, String eventId, String type, String body, String signature, boolean replay, String trace) {}

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", WebhookIT::receive);
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        JsonNode ready = Json.mapper().readTree("{\"type\": [\"asset.ready\"]}");
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules()
                .withWebhook("flaky", new WebhookSpec("answers 500 twice", base + "/flaky", ready, 2, true, null))
                .withWebhook("gone", new WebhookSpec("answers 410", base + "/gone", ready, 2, true, null))
                .withWebhook("silent", new WebhookSpec("never answers in time", base + "/silent", ready, 2, true, 60))
                .withWebhook("private", new WebhookSpec("the loopback, not allowed", "https://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/private", ready, 2, false, null))
                .withEnvironment("webhook-flaky", FAST_RETRIES).withEnvironment("webhook-silent", FAST_RETRIES));
        api = new AssetflowClient(stack.apiEndpoint());
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String eventId = exchange.getRequestHeaders().getFirst("Assetflow-Event-Id");
        requests.add(new Received(path, eventId, exchange.getRequestHeaders().getFirst("Assetflow-Event-Type"), body,
                exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), "true".equals(exchange.getRequestHeaders().getFirst("Assetflow-Replay")),
                exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
        int status = switch (path) {
            case "/flaky" -> flakyFailures.merge(eventId, 1, Integer::sum) <= 2 ? 500 : 200;
            case "/gone" -> 410;
            case "/silent" -> {
                if (!silentWakesUp.get()) {
                    sleep(3000); // past the function's 1 s read timeout: an endpoint down, it takes nothing in
                    yield 503;
                }
                yield 200;
            }
            default -> 404;
        };
        if (status == 200 && verified(path.substring(1), body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
            applied.add(path + " " + eventId);
        }
        byte[] answer = (status == 410 ? "this endpoint was removed" : "ok").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // the function stopped waiting (its read timeout): nothing to answer
        }
        exchange.close();
    }

    @Test
    void signedEventsAreDeliveredOnceRetriedRefusedDeadLetteredAndReplayed() throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        String assetId = Uploads.upload(api, "hooked.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("hooked.png"), 800, 600));
        assertThat(Uploads.settled(api, assetId).path("state").asText()).isEqualTo("READY");

        // flaky: 500, 500, 200 → the application has it once; three attempts, recorded
        await(() -> applied.contains("/flaky " + eventIdOf("/flaky")), "the flaky endpoint's delivery");
        List<Received> flaky = at("/flaky");
        assertThat(flaky).hasSize(3).allSatisfy(r -> assertThat(r.type()).isEqualTo("asset.ready"));
        assertThat(flaky).extracting(Received::body).containsOnly(flaky.get(0).body());
        JsonNode event = Json.mapper().readTree(flaky.get(0).body());
        assertThat(event.path("assetId").asText()).isEqualTo(assetId);
        assertThat(event.path("eventId").asText()).isEqualTo(flaky.get(0).eventId());
        assertThat(verify("flaky", flaky.get(2).body(), flaky.get(2).signature())).isInstanceOf(WebhookSignature.Valid.class);
        assertThat(verify("flaky", flaky.get(2).body().replace("READY", "FAILED"), flaky.get(2).signature()))
                .as("a tampered body").isEqualTo(new WebhookSignature.Invalid("the signature does not match the body"));
        assertThat(verify("gone", flaky.get(2).body(), flaky.get(2).signature())).as("another endpoint's secret")
                .isInstanceOf(WebhookSignature.Invalid.class);
        DeliveryRecord flakyRecord = deliveries().find("flaky", event.path("eventId").asText()).orElseThrow();
        assertThat(flakyRecord).extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::lastStatus)
                .containsExactly(DeliveryRecord.Status.DELIVERED, 3, 200);

        // gone: 410 → dead-lettered at once, with the status and what the endpoint said
        Message gone = deadLetter("gone");
        assertThat(at("/gone")).hasSize(1);
        assertThat(gone.messageAttributes().get("failureCategory").stringValue()).isEqualTo("ENDPOINT_REFUSED");
        assertThat(gone.messageAttributes().get("failureReason").stringValue()).isEqualTo("HTTP 410: this endpoint was removed");
        assertThat(Json.mapper().readTree(gone.body()).path("eventId").asText()).isEqualTo(event.path("eventId").asText());

        // private: the loopback without allowPrivateAddresses → refused before any connection
        Message refused = deadLetter("private");
        assertThat(refused.messageAttributes().get("failureReason").stringValue()).contains("loopback", "allowPrivateAddresses");
        assertThat(at("/private")).isEmpty();

        // silent: no answer within 1 s, again and again, until its 60 s deadline → dead-lettered; a replay then delivers it
        Message silent = deadLetter("silent");
        assertThat(silent.messageAttributes().get("failureCategory").stringValue()).isEqualTo("ENDPOINT_UNAVAILABLE");
        assertThat(silent.messageAttributes().get("failureReason").stringValue()).contains("not delivered in PT1M", "no answer within 1 s");
        assertThat(at("/silent").size()).as("retried").isGreaterThanOrEqualTo(3);
        assertThat(applied).noneMatch(a -> a.startsWith("/silent"));
        silentWakesUp.set(true);
        String replayed = command("replay", "--endpoint", "silent", "--since", before.toString());
        assertThat(replayed).contains("silent: 1 events of 1 assets sent again as replays");
        await(() -> applied.contains("/silent " + event.path("eventId").asText()), "the replayed delivery");
        assertThat(at("/silent")).last().satisfies(r -> assertThat(r.replay()).isTrue())
                .satisfies(r -> assertThat(verify("silent", r.body(), r.signature())).isInstanceOf(WebhookSignature.Valid.class));
        DeliveryRecord silentRecord = deliveries().find("silent", event.path("eventId").asText()).orElseThrow();
        assertThat(silentRecord.status()).isEqualTo(DeliveryRecord.Status.DELIVERED);
        assertThat(silentRecord.replays()).isEqualTo(1);

        // the filter: only asset.ready reached any endpoint, though the asset announced its renditions too
        assertThat(requests).extracting(Received::type).containsOnly("asset.ready");

        String listed = command("list");
        assertThat(listed).contains("flaky: 1 delivered, 0 retrying, 0 dead-lettered; last error", "HTTP 500: ok")
                .contains("gone: 0 delivered, 0 retrying, 1 dead-lettered; last error", "HTTP 410")
                .contains("private: 0 delivered, 0 retrying, 1 dead-lettered", "silent: 1 delivered, 0 retrying, 0 dead-lettered");

        // the trace: ingest's work message carried its trace header (AWSTraceHeader) and the worker continued it; a
        // delivery carries its invocation's (moto's S3 and SNS do not pass the header on, AWS's do: README, Tracing)
        assertThat(traceIds("image-worker.log")).as("the worker continued ingest's trace").containsAnyElementsOf(traceIds("ingest.log"));
        assertThat(flaky.get(0).trace()).as("the delivery's trace header").startsWith("Root=1-");
        assertThat(traceIds("webhook-flaky.log")).contains(flaky.get(0).trace().split(";")[0].substring("Root=".length()));

        // one grep of the asset id follows it through every function that handled it
        try (Stream<Path> logs = Files.list(stack.lambdaRoot().resolve("logs"))) {
            List<String> withAsset = logs.filter(log -> contains(log, assetId)).map(log -> log.getFileName().toString()).toList();
            assertThat(withAsset).contains("upload-api.log", "ingest.log", "image-worker.log", "webhook-flaky.log", "webhook-gone.log",
                    "webhook-silent.log", "webhook-private.log");
        }
    }

    /** The trace ids of a function's invocations, from its REPORT lines (as Lambda writes them for a traced function). */
    private static List<String> traceIds(String log) throws IOException {
        return Files.readAllLines(stack.lambdaRoot().resolve("logs").resolve(log)).stream()
                .filter(line -> line.startsWith("REPORT") && line.contains("XRAY TraceId: "))
                .map(line -> line.substring(line.indexOf("XRAY TraceId: ") + "XRAY TraceId: ".length()).split("\t")[0]).toList();
    }

    private static String eventIdOf(String path) {
        return at(path).stream().map(Received::eventId).findFirst().orElse("none yet");
    }

    private static List<Received> at(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static WebhookSignature.Verification verify(String webhook, String body, String header) {
        return WebhookSignature.verify(header, body, secret(webhook), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
    }

    private static boolean verified(String webhook, String body, String header) {
        return verify(webhook, body, header) instanceof WebhookSignature.Valid;
    }

    /** What the subscriber's operator reads and configures in the receiving application. */
    private static byte[] secret(String webhook) {
        return stack.clients().secretsManager().getSecretValue(b -> b.secretId(stack.resources().names().of(WebhookSpec.resourceName(webhook))))
                .secretString().getBytes(StandardCharsets.UTF_8);
    }

    private static DynamoDeliveryLog deliveries() {
        return new DynamoDeliveryLog(stack.clients().dynamoDb(), stack.resources().tableName(WebhookSpec.DELIVERIES_TABLE));
    }

    private static Message deadLetter(String webhook) {
        String dlq = stack.resources().deadLetterQueueUrl(WebhookSpec.resourceName(webhook));
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            List<Message> messages = stack.clients().sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(2).visibilityTimeout(0)
                    .messageAttributeNames("All")).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("nothing reached the DLQ of webhook " + webhook + " within " + WAIT);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what + "; received " + requests).isBefore(until);
            sleep(200);
        }
    }

    private static String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--prefix", stack.resources().names().prefix(), "--aws-endpoint",
                stack.awsEndpoint().toString())).toArray(String[]::new);
        int exit = WebhooksCommand.run(CommandOptions.parse(List.of(), all), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean contains(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
