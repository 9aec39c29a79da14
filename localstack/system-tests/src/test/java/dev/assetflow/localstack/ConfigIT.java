package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.ops.config.ConfigCommand;
import dev.assetflow.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration as data on the running stack: ingest (from its artifact) reads the routing rules from the
 * stack's SSM parameter; {@code scripts/config} validates, shows a change's effect on recent assets, publishes
 * (the next upload is routed by the new version, without a redeploy), lists and rolls back; a version written
 * around the command that does not validate is refused by the function, which keeps the last good one and
 * says so in an ERROR line and a ConfigRejected metric. The stack re-reads configuration every 2 s here
 * ({@code CONFIG_MAX_AGE_SECONDS}; 60 by default).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigIT {
    private static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();
    private static AssetflowClient api;
    private static String prefix;
    static final String RULES = TopologyLoader.configDocument("routing-rules.json");
    /** The bundled rules with plain images sent to the bulk class instead of critical. */
    static final String IMAGES_TO_BULK = RULES.replace("\"version\": 4", "\"version\": 5").replace("""
            "name": "images",
                  "when": {
                    "kind": "image"
                  },
                  "route": {
                    "queue": "critical\"""".replace("\n            ", "\n"), """
            "name": "images",
                  "when": {
                    "kind": "image"
                  },
                  "route": {
                    "queue": "bulk\"""".replace("\n            ", "\n"));

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        assertThat(IMAGES_TO_BULK).as("the edit of the bundled rules applies").isNotEqualTo(RULES).contains("\"version\": 5");
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules()
                .withEnvironment("ingest", Map.of("CONFIG_MAX_AGE_SECONDS", Long.toString(MAX_AGE.toSeconds()))));
        api = new AssetflowClient(stack.apiEndpoint());
        prefix = stack.resources().names().prefix();
    }

    @Test
    @Order(1)
    void aPublishedRuleChangeRoutesTheNextUploadWithoutARedeployAndDiffShowedItsEffectFirst() throws Exception {
        JsonNode before = image("before.png");
        assertThat(before.at("/route/priority").asText()).isEqualTo("critical");
        assertThat(before.at("/route/configVersion").asInt()).isEqualTo(4);

        Path candidate = Files.writeString(dir.resolve("rules.json"), IMAGES_TO_BULK);
        OpsCommands.Result diff = config("diff", "--file", candidate.toString());
        assertThat(diff.exit()).as(diff.out()).isZero();
        assertThat(diff.out()).contains(before.path("assetId").asText(), "critical/image-responsive/ffmpeg (rule images, v4)",
                "->  bulk/image-responsive/ffmpeg (rule images, v5)", "1 of 1 assets created since");

        OpsCommands.Result push = config("push", "--file", candidate.toString());
        assertThat(push.exit()).as(push.out()).isZero();
        assertThat(push.out()).contains("published /" + prefix + "/config/routing-rules version 2", "rules v5");
        Thread.sleep(MAX_AGE.plusSeconds(1).toMillis());

        JsonNode after = image("after.png");
        assertThat(after.at("/route/priority").asText()).isEqualTo("bulk");
        assertThat(after.at("/route/configVersion").asInt()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void anInvalidPushIsRefusedWithEveryProblemAndNothingIsWritten() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), IMAGES_TO_BULK.replace("\"queue\": \"bulk\"", "\"queue\": \"asap\"")
                .replace("\"profile\": \"audio-aac\"", "\"profile\": \"audio-opus\""));
        OpsCommands.Result push = config("push", "--file", broken.toString());
        assertThat(push.exit()).isEqualTo(1);
        assertThat(push.out()).contains("rule #3: unknown queue 'asap'", "nothing was written");
        Path stale = Files.writeString(dir.resolve("stale.json"), IMAGES_TO_BULK.replace("\"profile\": \"audio-aac\"", "\"profile\": \"audio-opus\""));
        OpsCommands.Result second = config("push", "--file", stale.toString());
        assertThat(second.out()).contains("2 problems", "version 5 must be greater than the serving version 5",
                "rule 'audio' names profile 'audio-opus', but the profiles document has no audio profile of that name");
        assertThat(config("history").out().lines().filter(l -> l.matches("\\s+\\d+ .*"))).hasSize(2);
    }

    @Test
    @Order(3)
    void aVersionWrittenAroundTheCommandThatDoesNotValidateIsRefusedByTheFunctionAndTheLastGoodServes() throws Exception {
        stack.clients().ssm().putParameter(b -> b.name("/" + prefix + "/config/routing-rules").overwrite(true)
                .type("String").value("{\"version\": 6, \"rules\": []}"));
        Thread.sleep(MAX_AGE.plusSeconds(1).toMillis());
        JsonNode served = image("during-bad-version.png");
        assertThat(served.at("/route/configVersion").asInt()).as("the last good version routes").isEqualTo(5);
        String log = Files.readString(stack.functionLog("ingest"));
        assertThat(log).contains("ERROR", "a new version of routing-rules at ssm:/" + prefix + "/config/routing-rules is invalid",
                "at least one rule is needed", "the last good version keeps serving");
        assertThat(log).as("the metric line, as embedded-metric-format JSON in the log's message")
                .contains("\\\"ConfigRejected\\\":1", "\\\"ConfigDocument\\\":\\\"routing-rules\\\"");
    }

    @Test
    @Order(4)
    void historyListsEveryVersionAndARollbackPublishesTheOldDefinitionsAsANewVersion() throws Exception {
        OpsCommands.Result history = config("history");
        assertThat(history.out()).contains("rules v4, 9 rules", "rules v5, 9 rules   <- serving",
                "INVALID (1 problems)   <- newest, refused by the functions");
        OpsCommands.Result rollback = config("rollback", "1");
        assertThat(rollback.exit()).as(rollback.out()).isZero();
        assertThat(rollback.out()).contains("rolling back", "published /" + prefix + "/config/routing-rules version 4", "rules v6");
        Thread.sleep(MAX_AGE.plusSeconds(1).toMillis());
        JsonNode after = image("after-rollback.png");
        assertThat(after.at("/route/priority").asText()).isEqualTo("critical");
        assertThat(after.at("/route/configVersion").asInt()).as("one above the last good version (the refused one never served)").isEqualTo(6);
    }

    private static JsonNode image(String name) {
        Path file = TestMedia.SAMPLES.picture(dir.resolve(name), 64, 48);
        String id = Uploads.upload(api, name, "image/png", file);
        return Uploads.settled(api, id);
    }

    private static OpsCommands.Result config(String... args) {
        return OpsCommands.run(stack, ConfigCommand::run, args);
    }
}
