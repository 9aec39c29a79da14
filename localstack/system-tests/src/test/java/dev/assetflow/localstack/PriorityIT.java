package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.ops.priority.PriorityCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Priority changes on the running stack, with the work held in its queue by disabling the consumer's event
 * source mapping (as a busy class would hold it): {@code POST /assets/{id}/priority} and
 * {@code scripts/priority} move a waiting asset's work to the new class's queue at once, raising or lowering
 * it; the asset is made there, once; the superseded messages left behind are no-ops when their queues are
 * consumed again; the history says who asked. Unknown, finished and malformed requests get 404/409/400.
 */
class PriorityIT {
    private static final String RULES = """
            {"version": 1, "rules": [
              {"name": "images", "when": {"kind": "image"}, "route": {"queue": "bulk", "profile": "image-responsive"}},
              {"name": "fallback", "when": {}, "route": {"queue": "review"}}]}""";
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();
    private static AssetflowClient api;
    private static EventTap notifications;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules().withConfigDocument("routing-rules", RULES));
        api = new AssetflowClient(stack.apiEndpoint());
        notifications = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("notifications"));
    }

    @Test
    void waitingWorkMovesToTheNewClassAtOnceAndWhatItLeftBehindIsANoOp() throws Exception {
        WorkQueues.consumer(stack, "image-bulk", false);
        WorkQueues.consumer(stack, "image-critical", false);
        String rushed = queued("rushed.png");
        String juggled = queued("juggled.png");
        oldestWaitingIsShown(rushed);

        HttpResponse<String> moved = WorkQueues.priority(stack, rushed, "{\"priority\": \"critical\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
        JsonNode body = Json.mapper().readTree(moved.body());
        assertThat(body.path("result").asText()).isEqualTo("moved");
        assertThat(body.path("workQueue").asText()).endsWith("-image-critical");
        assertThat(body.path("generation").asInt()).isEqualTo(1);
        assertThat(WorkQueues.depth(stack, "image-critical")).as("the work is on the critical queue at once").isEqualTo(1);

        assertThat(command(juggled, "critical")).contains("moved from bulk");
        assertThat(command(juggled, "standard")).as("lowering, from critical to standard").contains("moved from critical");
        JsonNode standard = Uploads.settled(api, juggled);
        assertThat(standard.path("state").asText()).isEqualTo("READY");
        assertThat(standard.at("/route/priority").asText()).isEqualTo("standard");
        assertThat(standard.at("/route/queue").asText()).endsWith("-image-standard");

        WorkQueues.consumer(stack, "image-critical", true);
        JsonNode ready = Uploads.settled(api, rushed);
        assertThat(ready.path("state").asText()).isEqualTo("READY");
        assertThat(ready.at("/route/priority").asText()).isEqualTo("critical");
        assertThat(ready.path("history").toString()).contains("priority bulk -> critical, asked by anonymous@127.0.0.1",
                "work not started moves to");
        assertThat(standard.path("history").toString()).contains("asked by operator:tester");

        WorkQueues.consumer(stack, "image-bulk", true);
        WorkQueues.awaitEmpty(stack, "image-bulk", Duration.ofSeconds(60));
        WorkQueues.awaitEmpty(stack, "image-critical", Duration.ofSeconds(60));
        String log = Files.readString(stack.functionLog("image-worker"));
        assertThat(log).contains("superseded: sent to bulk as generation 0; a priority change sent it again to critical as generation 1",
                "superseded: sent to critical as generation 1; a priority change sent it again to standard as generation 2");
        notifications.collectUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));
        for (String id : List.of(rushed, juggled)) {
            assertThat(notifications.count(id, "asset.ready")).as("asset.ready of %s, once", id).isEqualTo(1);
            assertThat(api.asset(id).body().path("renditions")).as("320w and 640w, WebP and JPEG: made once").hasSize(4);
        }
    }

    @Test
    void anUnknownOrFinishedAssetOrAnUnknownClassIsRefusedWithAReason() throws Exception {
        HttpResponse<String> unknown = WorkQueues.priority(stack, UUID.randomUUID().toString(), "{\"priority\": \"critical\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        String done = Uploads.upload(api, "done.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("done.png"), 64, 48));
        assertThat(Uploads.settled(api, done).path("state").asText()).isEqualTo("READY");
        HttpResponse<String> finished = WorkQueues.priority(stack, done, "{\"priority\": \"critical\"}");
        assertThat(finished.statusCode()).isEqualTo(409);
        assertThat(finished.body()).contains("\"finished\"", "READY: no work is left");
        assertThat(WorkQueues.priority(stack, done, "{\"priority\": \"urgent\"}").statusCode()).isEqualTo(400);
        assertThat(command(done, "critical")).contains("not changed: it is READY");
    }

    /** GET /ops/queues and the console's Queues page name the asset queued first as the bulk queue's oldest waiting. */
    private static void oldestWaitingIsShown(String first) throws Exception {
        HttpResponse<String> answer = WorkQueues.getFrom(stack, "/ops/queues");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode overview = Json.mapper().readTree(answer.body());
        assertThat(overview.path("waitingAllRead").asBoolean()).isTrue();
        JsonNode bulk = null;
        for (JsonNode queue : overview.path("queues")) {
            if ("image/bulk".equals(queue.path("work").asText())) {
                bulk = queue;
            }
        }
        assertThat(bulk).as("image/bulk in %s", answer.body()).isNotNull();
        assertThat(bulk.at("/oldestWaiting/assetId").asText()).isEqualTo(first);
        assertThat(bulk.at("/oldestWaiting/ageSeconds").asLong()).isBetween(0L, 120L);
        assertThat(Instant.parse(bulk.at("/oldestWaiting/since").asText())).isBefore(Instant.now().plusSeconds(5));
        try (Browser browser = Browser.start()) {
            browser.driver.get(stack.apiEndpoint() + "/#/queues");
            By cell = By.cssSelector("tr[data-queue='" + stack.resources().queueName("image-bulk") + "'] td[data-oldest-waiting='" + first + "'] a");
            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(cell));
            browser.screenshot("13-queues-oldest-waiting");
        }
    }

    private static String queued(String name) {
        String id = Uploads.upload(api, name, "image/png", TestMedia.SAMPLES.picture(dir.resolve(name), 640, 480));
        Instant until = Instant.now().plusSeconds(60);
        String state = "";
        while (Instant.now().isBefore(until) && !state.equals("QUEUED")) {
            state = api.asset(id).body().path("state").asText();
            WorkQueues.sleep(200);
        }
        assertThat(state).as("asset %s waits in its queue", id).isEqualTo("QUEUED");
        return id;
    }

    private static String command(String assetId, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PriorityCommand.run(CommandOptions.parse(List.of(), assetId, "--to", to, "--by", "operator:tester",
                "--prefix", stack.resources().names().prefix(), "--endpoint", stack.awsEndpoint().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

}
