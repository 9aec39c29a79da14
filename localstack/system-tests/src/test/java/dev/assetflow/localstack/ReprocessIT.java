package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.ops.config.ConfigCommand;
import dev.assetflow.ops.reprocess.ReprocessCommand;
import dev.assetflow.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reprocessing by profile version on a stack of its own: images made with image-responsive v1 (320, 640, 1280 px);
 * v2 is published (320, 640, 960 px); {@code scripts/reprocess} sends only the assets made with v1, and the worker
 * keeps the 320 and 640 px renditions (same definition) and makes only the 960 px ones; v2's events go out; an
 * asset whose original is gone is refused with ORIGINAL_MISSING and keeps what it has; running the command again
 * finds nothing more to do; the API answers up_to_date, 404 and 409. A video made with video-abr v1 (480p, 360p, audio)
 * is reprocessed for v2, which lowers only the 360p rates: only that rung is encoded again, the master is written
 * under v2 and names the kept 480p and audio under v1, and it plays (ffprobe opens every variant through it). A longer
 * clip takes the segmented path (a rule for clips of 10 s or more): its chunks for v2 encode only the 360p rung and
 * there is no audio part, and the assembly keeps the rest by the same rule.
 */
class ReprocessIT {
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();
    private static AssetflowClient api;
    private static EventTap searchIndex;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        ObjectNode rules = (ObjectNode) Json.mapper().readTree(TopologyLoader.configDocument("routing-rules.json"));
        ((ArrayNode) rules.path("rules")).insert(0, Json.mapper().readTree("""
                {"name": "segmented-clips", "when": {"kind": "video", "minDurationSeconds": 10},
                 "route": {"queue": "standard", "profile": "video-abr", "transcoder": "ffmpeg-segmented"}}"""));
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules()
                .withConfigDocument("routing-rules", rules.toPrettyString())
                .withEnvironment("image-worker", Map.of("CONFIG_MAX_AGE_SECONDS", "2"))
                .withEnvironment("video-worker", Map.of("CONFIG_MAX_AGE_SECONDS", "2", "CHUNK_CPU_SECONDS", "2"))
                .withEnvironment("asset-control", Map.of("CONFIG_MAX_AGE_SECONDS", "2")));
        api = new AssetflowClient(stack.apiEndpoint());
        searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"));
    }

    @Test
    void onlyAssetsOfAnOlderVersionAreMadeAgainAndOnlyTheirChangedRenditions() throws Exception {
        String video = Uploads.upload(api, "clip.mp4", "video/mp4", TestMedia.SAMPLES.clip(dir.resolve("clip.mp4"), 6, 854, 480));
        String segmented = Uploads.upload(api, "longer.mp4", "video/mp4", TestMedia.SAMPLES.clip(dir.resolve("longer.mp4"), 16, 854, 480));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path picture = TestMedia.SAMPLES.picture(dir.resolve("p" + i + ".png"), 1600, 900 + 8 * i);
            ids.add(Uploads.upload(api, "p" + i + ".png", "image/png", picture));
        }
        for (String id : ids) {
            assertThat(Uploads.settled(api, id).path("state").asText()).isEqualTo("READY");
        }
        assertThat(Uploads.settled(api, video).path("state").asText()).isEqualTo("READY");
        JsonNode chunked = Uploads.settled(api, segmented);
        assertThat(chunked.path("state").asText()).isEqualTo("READY");
        assertThat(chunked.at("/transcode/engine").asText()).isEqualTo("segmented");
        String gone = ids.get(2);
        JsonNode goneAsset = api.asset(gone).body();
        stack.clients().s3().deleteObject(b -> b.bucket(goneAsset.at("/original/bucket").asText()).key(goneAsset.at("/original/key").asText()));

        ObjectNode profiles = (ObjectNode) Json.mapper().readTree(TopologyLoader.configDocument("profiles.json"));
        ObjectNode image = (ObjectNode) profiles.path("image").get(0);
        image.put("version", 2);
        ArrayNode widths = image.putArray("widths");
        widths.add(320).add(640).add(960);
        ObjectNode abr = (ObjectNode) profiles.path("video").get(0);
        abr.put("version", 2);
        for (JsonNode rung : abr.path("rungs")) {
            if (rung.path("name").asText().equals("360p")) {
                ((ObjectNode) rung).put("videoKbps", 700).put("maxKbps", 900);
            }
        }
        Path v2 = Files.writeString(dir.resolve("profiles-v2.json"), profiles.toPrettyString());
        assertThat(command(ConfigCommand::run, "push", "--document", "profiles", "--file", v2.toString())).contains("published");
        String first = command(ReprocessCommand::run, "--profile", "image-responsive", "--rate", "5");
        assertThat(first).contains("until every function serves it", "image-responsive v2: 3 assets made with an older version", ids.get(0) + ": sent: v1 -> v2",
                ids.get(1) + ": sent: v1 -> v2", gone + ": not sent: ORIGINAL_MISSING");
        for (String id : ids.subList(0, 2)) {
            JsonNode asset = Uploads.readyWithVersion(api, id, 2, Duration.ofSeconds(90));
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
            assertThat(searchIndex.eventsFor(id).stream().filter(e -> e.path("type").asText().equals("asset.ready"))
                    .map(e -> e.path("eventId").asText()).distinct()).as("two events, not one published twice").hasSize(2);
        }
        JsonNode kept = api.asset(gone).body();
        assertThat(kept.path("state").asText()).as("an asset that cannot be made again keeps what it has").isEqualTo("READY");

        String again = command(ReprocessCommand::run, "--profile", "image-responsive");
        assertThat(again).contains("image-responsive v2: 1 assets made with an older version", gone + ": not sent: ORIGINAL_MISSING");

        assertThat(command(ReprocessCommand::run, "--profile", "video-abr")).contains(video + ": sent: v1 -> v2",
                segmented + ": sent: v1 -> v2");
        assertVideoKeepsItsUnchangedRungs(video);
        assertVideoKeepsItsUnchangedRungs(segmented);
        assertThat(Files.readString(stack.functionLog("video-worker"))).as("the segmented v2 fans out chunks of the changed rung only")
                .contains("asset " + segmented + ": ").contains("(0 already done; 1 of 2 rungs to encode, [");
        JsonNode transcode = api.asset(segmented).body().path("transcode");
        assertThat(transcode.path("partsTotal").asInt()).as("no audio part: the audio is kept " + transcode)
                .isEqualTo(transcode.path("chunks").asInt());

        var upToDate = WorkQueues.postTo(stack, "/assets/" + ids.get(0) + "/reprocess", "");
        assertThat(upToDate.statusCode()).as(upToDate.body()).isEqualTo(200);
        assertThat(upToDate.body()).contains("\"up_to_date\"", "made with v2");
        var missing = WorkQueues.postTo(stack, "/assets/" + gone + "/reprocess", "");
        assertThat(missing.statusCode()).isEqualTo(409);
        assertThat(missing.body()).contains("ORIGINAL_MISSING", "keeps its v1 renditions");
        assertThat(WorkQueues.postTo(stack, "/assets/" + UUID.randomUUID() + "/reprocess", "").statusCode()).isEqualTo(404);
    }

    private void assertVideoKeepsItsUnchangedRungs(String video) throws Exception {
        Map<String, String> v2 = Uploads.locationsOf(Uploads.readyWithVersion(api, video, 2, Duration.ofSeconds(90)), 2);
        assertThat(v2).containsOnlyKeys("hls/480p", "hls/360p", "hls/audio", "hls/master", "mp4/480p", "poster", "storyboard");
        v2.forEach((name, location) -> assertThat(location).as(name)
                .contains(name.equals("hls/360p") || name.equals("hls/master") ? "/video-abr/v2/" : "/video-abr/v1/"));
        assertThat(Files.readString(stack.functionLog("video-worker")) + Files.readString(stack.functionLog("video-chunk-worker")))
                .contains("asset " + video + ": 5 renditions of video-abr v2 kept from earlier versions (unchanged), 2 to make");
        Path local = RenditionDownloads.downloadPrefix(stack, "renditions", "renditions/" + video + "/video-abr/", dir.resolve(video));
        String master = Files.readString(local.resolve("v2/hls/master.m3u8"));
        assertThat(master).contains("../../v1/hls/480p/index.m3u8", "\n360p/index.m3u8", "URI=\"../../v1/hls/audio/index.m3u8\"");
        ProcessRunner.Result probe = new ProcessRunner().run(List.of(TestMedia.TOOLS.ffprobe().toString(), "-v", "error",
                "-protocol_whitelist", "file", "-show_entries", "stream=codec_type,width,height", "-of", "csv=p=0",
                local.resolve("v2/hls/master.m3u8").toString()), local, Duration.ofMinutes(1));
        assertThat(probe.exitCode()).as(probe.stderr()).isZero();
        assertThat(probe.stdout()).as("the v2 master opens the kept 480p and audio under v1 and the new 360p")
                .contains("video,854,480", "video,640,360", "audio");
        assertThat(stack.clients().s3().listObjectsV2(b -> b.bucket(stack.resources().bucketName("renditions"))
                .prefix("renditions/" + video + "/video-abr/v2/hls/480p/")).keyCount()).as("the kept rung was not encoded again").isZero();
    }

    private static String command(OpsCommands.Command command, String... args) {
        return OpsCommands.run(stack, command, args).out();
    }
}
