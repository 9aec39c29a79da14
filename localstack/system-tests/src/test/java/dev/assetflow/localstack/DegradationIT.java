package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.runtime.LocalContext;
import dev.assetflow.ops.repair.RepairCommand;
import dev.assetflow.videoworker.VideoWorkerHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Graceful degradation: a video whose storyboard cannot be made (its profile asks for a sprite wider
 * than a JPEG can be) still gets its ladder, MP4 and poster, and ends PARTIAL with
 * the storyboard listed as missing; a repair asked from the console's Partial page (in a browser) then has the
 * running stack's video worker make only the storyboard, and the asset ends READY with every rendition announced
 * exactly once; the repair command then finds nothing left to repair.
 */
@ExtendWith(LocalStackExtension.class)
class DegradationIT {
    @TempDir
    Path dir;

    @Test
    void aFailingOptionalOutputLeavesTheAssetPartialAndRepairMakesOnlyWhatIsMissing(LocalStackExtension.Fixture fx) throws Exception {
        Path profiles = dir.resolve("profiles.json");
        String bundled = Files.readString(Path.of("..", "..", "config", "profiles.json"));
        // thumbnails are never wider than the source, so the sprite is made too wide by its columns:
        // 50 thumbnails of 1600 px in one row = 80000 px
        Files.writeString(profiles, bundled.replace("\"thumbWidth\": 160", "\"thumbWidth\": 1600")
                .replace("\"columns\": 10", "\"columns\": 50").replace("\"intervalSeconds\": 2", "\"intervalSeconds\": 1"));
        assertThat(Files.readString(profiles)).contains("\"thumbWidth\": 1600", "\"columns\": 50");
        String body = StagedWork.workMessageBody(fx, TestMedia.SAMPLES.video(dir.resolve("wide.mp4"), 50, 1600, 160, 1, 0),
                "video/mp4", "video/standard");
        String assetId = Json.mapper().readTree(body).path("assetId").asText();
        Map<String, String> environment = new HashMap<>(fx.stack().environmentOf("video-worker"));
        environment.put("PROFILES", "file:" + profiles);

        SQSBatchResponse response = new VideoWorkerHandler(fx.stack().clients(), environment).handleRequest(
                StagedWork.event(StagedWork.record(fx.stack().resources().queueArn("video-standard"), body)),
                new LocalContext("video-worker", 3008, 900));

        assertThat(response.getBatchItemFailures()).isEmpty();
        AssetflowClient api = new AssetflowClient(fx.stack().apiEndpoint());
        JsonNode partial = api.asset(assetId).body();
        assertThat(partial.path("state").asText()).isEqualTo("PARTIAL");
        assertThat(partial.at("/failure/reason").asText()).startsWith("missing storyboard: storyboard:").contains("65500");
        assertThat(partial.at("/failure/category").asText()).isEqualTo("CONFIGURATION");
        assertThat(names(partial)).contains("hls/master", "poster").anyMatch(n -> n.startsWith("mp4/"))
                .doesNotContain("storyboard");
        fx.notifications().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(fx.notifications().count(assetId, "asset.partial")).isEqualTo(1);
        assertThat(ImagePipelineIT.originalExists(fx, partial)).isTrue();

        // repaired from the console's Partial page: POST /assets/{id}/repair (scripts/repair runs the same PartialRepair, below)
        try (Browser browser = Browser.start()) {
            browser.driver.get(fx.stack().apiEndpoint() + "/#/partial");
            By row = By.cssSelector("[data-testid=partial] tr[data-asset='" + assetId + "']");
            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(row, "missing storyboard"));
            browser.screenshot("08-partial");
            browser.driver.findElement(row).findElement(By.cssSelector("button[data-testid=repair]")).click();
            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                    "1 of 1 sent for repair"));
        }

        JsonNode ready = Uploads.settled(api, assetId);
        for (int i = 0; i < 300 && !ready.path("state").asText().equals("READY"); i++) {
            Thread.sleep(200);
            ready = api.asset(assetId).body();
        }
        assertThat(ready.path("state").asText()).as(ready.toString()).isEqualTo("READY");
        assertThat(names(ready)).contains("storyboard", "poster", "hls/master");
        assertThat(ready.has("failure")).isFalse();
        assertThat(ready.path("history").findValuesAsText("to")).containsSubsequence("PROCESSING", "PARTIAL", "QUEUED", "PROCESSING", "READY");
        assertThat(ready.path("history").toString()).as("who asked for the repair, from the console")
                .contains("repair of the missing renditions asked", "anonymous@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RepairCommand.run(Map.of("--endpoint", fx.stack().awsEndpoint().toString(),
                "--prefix", fx.stack().resources().names().prefix(), "--asset", assetId), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as("a READY asset has nothing to repair").isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(assetId + ": not repaired: it is READY");
        assertThat(WorkQueues.postTo(fx.stack(), "/assets/" + assetId + "/repair", "").statusCode()).isEqualTo(409);
        fx.searchIndex().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        Map<String, Long> announced = fx.searchIndex().eventsFor(assetId).stream()
                .filter(e -> e.path("type").asText().equals("rendition.ready"))
                .collect(Collectors.groupingBy(e -> e.at("/rendition/name").asText(), Collectors.counting()));
        assertThat(announced.keySet()).containsExactlyInAnyOrderElementsOf(names(ready));
        assertThat(announced.values()).as("each rendition announced once, across both runs").containsOnly(1L);
        assertThat(fx.searchIndex().count(assetId, "asset.ready")).isEqualTo(1);
    }

    private static List<String> names(JsonNode asset) {
        return StreamSupport.stream(asset.path("renditions").spliterator(), false).map(r -> r.path("name").asText()).toList();
    }
}
