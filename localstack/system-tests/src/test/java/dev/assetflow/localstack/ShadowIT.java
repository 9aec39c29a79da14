package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.aws.shadow.DynamoShadowLedger;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.shadow.ShadowResult;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.ops.shadow.ShadowReportCommand;
import dev.assetflow.topology.TopologyLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shadow pipeline on a stack of its own: a rule shadows every image (share 1) with a lower-quality profile;
 * each upload is made and announced as usual, and also made with the shadow profile into the shadow prefix,
 * announced to nobody and recorded beside the asset; {@code scripts/shadow-report} then compares the two
 * rendition by rendition (bytes, SSIM against the original, encode time). A video on the segmented path is shadowed
 * with leaner rates: the shadow is made in chunks too, into the shadow prefix, and plays.
 */
class ShadowIT {
    private static final String SHADOW = "image-responsive-q50";
    private static final String LEAN = "video-abr-lean";
    private static LocalStack stack;
    private static AssetflowClient api;
    private static EventTap searchIndex;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        ObjectNode profiles = (ObjectNode) Json.mapper().readTree(TopologyLoader.configDocument("profiles.json"));
        ObjectNode candidate = ((ObjectNode) profiles.path("image").get(0)).deepCopy();
        candidate.put("name", SHADOW).put("quality", 50);
        ((ArrayNode) profiles.path("image")).add(candidate);
        ObjectNode lean = ((ObjectNode) profiles.path("video").get(0)).deepCopy();
        lean.put("name", LEAN);
        lean.path("rungs").forEach(rung -> ((ObjectNode) rung).put("videoKbps", rung.path("videoKbps").asInt() / 2)
                .put("maxKbps", rung.path("maxKbps").asInt() / 2));
        ((ArrayNode) profiles.path("video")).add(lean);
        String rules = """
                {"version": 1, "rules": [
                  {"name": "images", "when": {"kind": "image"},
                   "route": {"queue": "critical", "profile": "image-responsive", "shadow": {"profile": "%s", "share": 1.0}}},
                  {"name": "video", "when": {"kind": "video"},
                   "route": {"queue": "standard", "profile": "video-abr", "transcoder": "ffmpeg-segmented",
                             "shadow": {"profile": "%s", "share": 1.0}}},
                  {"name": "fallback", "when": {}, "route": {"queue": "review"}}]}""".formatted(SHADOW, LEAN);
        stack = LocalStack.start(LocalStack.Options.defaults().withoutSchedules()
                .withEnvironment("video-worker", java.util.Map.of("CHUNK_CPU_SECONDS", "2"))
                .withConfigDocument("profiles", profiles.toPrettyString()).withConfigDocument("routing-rules", rules));
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
    void aShadowedUploadIsMadeTwiceAnnouncedOnceAndTheReportComparesTheTwo() throws Exception {
        List<String> ids = List.of(
                Uploads.upload(api, "first.jpg", "image/jpeg", TestMedia.SAMPLES.jpegWithOrientation(dir.resolve("first.jpg"), 1600, 900, 1)),
                Uploads.upload(api, "second.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("second.png"), 1280, 720)));
        for (String id : ids) {
            JsonNode asset = Uploads.settled(api, id);
            assertThat(asset.path("state").asText()).isEqualTo("READY");
            assertThat(asset.path("renditions")).as("production renditions only").allSatisfy(r ->
                    assertThat(r.path("profile").asText()).isEqualTo("image-responsive"));
        }
        DynamoShadowLedger ledger = new DynamoShadowLedger(stack.clients().dynamoDb(), stack.resources().tableName("assets"));
        Instant until = Instant.now().plusSeconds(90);
        List<ShadowResult> runs = ledger.ofProfile(SHADOW);
        while (runs.size() < ids.size() && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            runs = ledger.ofProfile(SHADOW);
        }
        assertThat(runs).extracting(ShadowResult::assetId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.failed()).as(String.valueOf(run.failure())).isFalse();
            assertThat(run.productionProfile()).isEqualTo("image-responsive");
            assertThat(run.renditions()).extracting(ShadowResult.Made::key)
                    .allMatch(key -> key.startsWith("shadow/" + run.assetId() + "/" + SHADOW + "/v1/"));
            assertThat(run.renditions()).hasSizeGreaterThanOrEqualTo(4);
        });

        searchIndex.collectUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));
        for (String id : ids) {
            assertThat(searchIndex.eventsFor(id)).as("no event names the shadow profile").noneMatch(e -> e.toString().contains(SHADOW));
            assertThat(searchIndex.count(id, "asset.ready")).isEqualTo(1);
        }

        String report = report(SHADOW);
        assertThat(report).contains("2 shadow runs (0 failed)", "encode time: shadow / production = ", "SSIM against the originals");
        Matcher bytes = Pattern.compile("bytes: shadow / production = ([0-9.]+)").matcher(report);
        assertThat(bytes.find()).as(report).isTrue();
        assertThat(Double.parseDouble(bytes.group(1))).as("quality 50 makes smaller files than 80").isLessThan(1.0);
        Matcher ssim = Pattern.compile("production mean ([0-9.]+) \\(min [0-9.]+\\), shadow mean ([0-9.]+)").matcher(report);
        assertThat(ssim.find()).as(report).isTrue();
        assertThat(Double.parseDouble(ssim.group(1))).as("SSIM of the production renditions").isBetween(0.8, 1.0);
        assertThat(Double.parseDouble(ssim.group(2))).as("the shadow's, lower quality").isBetween(0.5, Double.parseDouble(ssim.group(1)));
    }

    @Test
    void aSegmentedVideosShadowIsMadeInChunksIntoTheShadowPrefixAndPlays() throws Exception {
        String id = Uploads.upload(api, "clip.mp4", "video/mp4", TestMedia.SAMPLES.clip(dir.resolve("clip.mp4"), 12, 640, 360));
        JsonNode asset = Uploads.settled(api, id);
        assertThat(asset.path("state").asText()).isEqualTo("READY");
        assertThat(asset.at("/transcode/engine").asText()).isEqualTo("segmented");
        assertThat(asset.path("renditions")).allSatisfy(r -> assertThat(r.path("profile").asText()).isEqualTo("video-abr"));
        DynamoShadowLedger ledger = new DynamoShadowLedger(stack.clients().dynamoDb(), stack.resources().tableName("assets"));
        Instant until = Instant.now().plusSeconds(180);
        List<ShadowResult> runs = ledger.ofProfile(LEAN);
        while (runs.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            runs = ledger.ofProfile(LEAN);
        }
        assertThat(runs).as("the shadow run, recorded by the shadow's assembly").hasSize(1);
        ShadowResult run = runs.get(0);
        assertThat(run.failed()).as(String.valueOf(run.failure())).isFalse();
        assertThat(run.renditions()).extracting(ShadowResult.Made::name)
                .contains("hls/360p", "hls/audio", "hls/master", "mp4/360p", "poster", "storyboard");
        assertThat(run.renditions()).extracting(ShadowResult.Made::key).allMatch(key -> key.startsWith("shadow/" + id + "/" + LEAN + "/v1/"));
        assertThat(run.renderMillis()).as("the chunks' encodes, summed").isPositive();
        assertThat(Files.readString(stack.functionLog("video-worker"))).contains("parts of its shadow with " + LEAN + " sent to the bulk chunk queue");
        Path local = RenditionDownloads.downloadPrefix(stack, "renditions", "shadow/" + id + "/" + LEAN + "/v1/", dir.resolve("lean"));
        RenditionDownloads.assertDecodesWhole(local.resolve("hls/master.m3u8"));
        assertThat(api.asset(id).body().path("renditions")).as("the asset is untouched by its shadow")
                .allSatisfy(r -> assertThat(r.path("profile").asText()).isEqualTo("video-abr"));
        assertThat(api.asset(id).body().path("state").asText()).isEqualTo("READY");

        searchIndex.collectUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));
        assertThat(searchIndex.eventsFor(id)).as("no event names the shadow profile").noneMatch(e -> e.toString().contains(LEAN));
        assertThat(searchIndex.count(id, "asset.ready")).isEqualTo(1);
        String report = report(LEAN);
        assertThat(report).contains("1 shadow runs (0 failed)", "encode time: shadow / production = ");
        Matcher bytes = Pattern.compile("bytes: shadow / production = ([0-9.]+)").matcher(report);
        assertThat(bytes.find()).as(report).isTrue();
        assertThat(Double.parseDouble(bytes.group(1))).as("half the rates make smaller files").isLessThan(0.9);
    }

    /** What {@code scripts/shadow-report --profile profile} prints; it must end with exit code 0. */
    private static String report(String profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ShadowReportCommand.run(CommandOptions.parse(List.of(), "--profile", profile, "--prefix", stack.resources().names().prefix(),
                "--endpoint", stack.awsEndpoint().toString()), TestMedia.TOOLS, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        return report;
    }
}
