package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.ops.config.ConfigCommand;
import dev.assetflow.ops.reprocess.ReprocessCommand;
import dev.assetflow.topology.TopologyLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reprocessing by profile version on a stack of its own: images made with image-responsive v1 (320, 640, 1280 px);
 * v2 is published (320, 640, 960 px); {@code scripts/reprocess} sends only the assets made with v1, and the worker
 * keeps the 320 and 640 px renditions (same definition) and makes only the 960 px ones; v2's events go out; an
 * asset whose original is gone is refused with ORIGINAL_MISSING and keeps what it has; running the command again
 * finds nothing more to do; the API answers up_to_date, 404 and 409.
 */
class ReprocessIT {
    private static LocalStack stack;
    private static AssetflowClient api;
    private static EventTap searchIndex;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withoutSchedules()
                .withEnvironment("image-worker", Map.of("CONFIG_MAX_AGE_SECONDS", "2"))
                .withEnvironment("asset-control", Map.of("CONFIG_MAX_AGE_SECONDS", "2")));
        api = new AssetflowClient(stack.apiEndpoint());
        searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void onlyAssetsOfAnOlderVersionAreMadeAgainAndOnlyTheirChangedRenditions() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path picture = TestMedia.SAMPLES.picture(dir.resolve("p" + i + ".png"), 1600, 900 + 8 * i);
            ids.add(Uploads.upload(api, "p" + i + ".png", "image/png", picture));
        }
        for (String id : ids) {
            assertThat(Uploads.settled(api, id).path("state").asText()).isEqualTo("READY");
        }
        String gone = ids.get(2);
        JsonNode goneAsset = api.asset(gone).body();
        stack.clients().s3().deleteObject(b -> b.bucket(goneAsset.at("/original/bucket").asText()).key(goneAsset.at("/original/key").asText()));

        ObjectNode profiles = (ObjectNode) Json.mapper().readTree(TopologyLoader.configDocument("profiles.json"));
        ObjectNode image = (ObjectNode) profiles.path("image").get(0);
        image.put("version", 2);
        ArrayNode widths = image.putArray("widths");
        widths.add(320).add(640).add(960);
        Path v2 = Files.writeString(dir.resolve("profiles-v2.json"), profiles.toPrettyString());
        assertThat(command(ConfigCommand::run, "push", "--document", "profiles", "--file", v2.toString())).contains("published");
        String first = command(ReprocessCommand::run, "--profile", "image-responsive", "--rate", "5");
        assertThat(first).contains("until every function serves it", "image-responsive v2: 3 assets made with an older version", ids.get(0) + ": sent: v1 -> v2",
                ids.get(1) + ": sent: v1 -> v2", gone + ": not sent: ORIGINAL_MISSING");
        for (String id : ids.subList(0, 2)) {
            JsonNode asset = awaitVersion(id, 2);
            List<JsonNode> v2Renditions = StreamSupport.stream(asset.path("renditions").spliterator(), false)
                    .filter(r -> r.path("profileVersion").asInt() == 2).toList();
            assertThat(v2Renditions).extracting(r -> r.path("name").asText())
                    .containsExactlyInAnyOrder("320w.webp", "320w.jpg", "640w.webp", "640w.jpg", "960w.webp", "960w.jpg");
            assertThat(v2Renditions).allSatisfy(r -> assertThat(r.path("location").asText())
                    .as("kept renditions point at the v1 objects, new ones are under v2")
                    .contains(r.path("name").asText().startsWith("960w") ? "/v2/" : "/v1/"));
        }
        assertThat(Files.readString(stack.functionLog("image-worker"))).contains("4 renditions of image-responsive v2 kept from earlier versions");
        searchIndex.collectUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));
        for (String id : ids.subList(0, 2)) {
            assertThat(searchIndex.eventsFor(id).stream().filter(e -> e.path("type").asText().equals("rendition.ready")
                    && e.path("rendition").path("profileVersion").asInt() == 2)).as("v2's renditions announced, kept ones too").hasSize(6);
            assertThat(searchIndex.count(id, "asset.ready")).as("the asset announced for v1 and for v2").isEqualTo(2);
        }
        JsonNode kept = api.asset(gone).body();
        assertThat(kept.path("state").asText()).as("an asset that cannot be made again keeps what it has").isEqualTo("READY");

        String again = command(ReprocessCommand::run, "--profile", "image-responsive");
        assertThat(again).contains("image-responsive v2: 1 assets made with an older version", gone + ": not sent: ORIGINAL_MISSING");

        var upToDate = WorkQueues.postTo(stack, "/assets/" + ids.get(0) + "/reprocess", "");
        assertThat(upToDate.statusCode()).as(upToDate.body()).isEqualTo(200);
        assertThat(upToDate.body()).contains("\"up_to_date\"", "made with v2");
        var missing = WorkQueues.postTo(stack, "/assets/" + gone + "/reprocess", "");
        assertThat(missing.statusCode()).isEqualTo(409);
        assertThat(missing.body()).contains("ORIGINAL_MISSING", "keeps its v1 renditions");
        assertThat(WorkQueues.postTo(stack, "/assets/" + UUID.randomUUID() + "/reprocess", "").statusCode()).isEqualTo(404);
    }

    private static JsonNode awaitVersion(String id, int version) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(90);
        JsonNode asset = api.asset(id).body();
        while (Instant.now().isBefore(until) && !(asset.path("state").asText().equals("READY")
                && StreamSupport.stream(asset.path("renditions").spliterator(), false).anyMatch(r -> r.path("profileVersion").asInt() == version))) {
            Thread.sleep(300);
            asset = api.asset(id).body();
        }
        return asset;
    }

    private interface Command {
        int run(CommandOptions options, PrintStream out);
    }

    private static String command(Command command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--stack", stack.resources().names().prefix(), "--endpoint", stack.awsEndpoint().toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.run(CommandOptions.parse(List.of(), all.toArray(String[]::new)), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
