package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkMessageCodec;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.media.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmented video through a local stack of its own, deployed as an operator would tune it: routing
 * rules that send every video down the segmented path (short ones as critical, long ones as bulk) and a
 * video worker that cuts small chunks (CHUNK_CPU_SECONDS=2), so a few minutes of video make many chunks.
 * Everything runs from the deployable artifacts under the runtime interface client, with real ffmpeg.
 */
@ExtendWith(LocalStackExtension.class)
class SegmentedVideoIT {
    private static final Duration LONG_WAIT = Duration.ofMinutes(12);
    private static final int FPS = 25;
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();
    private static EventTap searchIndex;
    private static EventTap notifications;
    private static AssetflowClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path config) throws IOException {
        Path rules = Files.writeString(config.resolve("segmented-rules.json"), """
                {"version": 1, "rules": [
                  {"name": "short-video", "when": {"kind": "video", "maxDurationSeconds": 120},
                   "route": {"queue": "critical", "profile": "video-abr", "transcoder": "ffmpeg-segmented"}},
                  {"name": "long-video", "when": {"kind": "video"},
                   "route": {"queue": "bulk", "profile": "video-abr", "transcoder": "ffmpeg-segmented"}},
                  {"name": "fallback", "when": {}, "route": {"queue": "review"}}]}
                """);
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules()
                .withVisibilityTimeoutCap(Duration.ofSeconds(60))
                .withConfigDocument("routing-rules", Files.readString(rules))
                .withEnvironment("video-worker", Map.of("CHUNK_CPU_SECONDS", "2")));
        searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"));
        notifications = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("notifications"));
        client = new AssetflowClient(stack.apiEndpoint());
    }

    @Test
    void aTenMinuteSourceBecomesOneContinuousLadderFromManyChunksAndACriticalVideoOvertakesIt() throws Exception {
        Path source = TestMedia.SAMPLES.video(dir.resolve("lecture.mp4"), 600, 320, 180, 1, 0);
        String longId = Uploads.upload(client, "lecture.mp4", "video/mp4", source);
        JsonNode processing = awaitPartsDone(longId, 1);
        // the video work message delivered again while its parts are in flight: every part not yet counted is sent twice
        WorkMessage work = WorkMessage.of(asset(longId), "duplicate delivery", Instant.now());
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().queueUrl("video-bulk"))
                .messageBody(WorkMessageCodec.encode(work)));
        String shortId = Uploads.upload(client, "clip.mp4", "video/mp4",
                TestMedia.SAMPLES.video(dir.resolve("clip.mp4"), 12, 320, 180, 1, 0));

        JsonNode shortAsset = settled(shortId);
        JsonNode asset = settled(longId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(shortAsset.path("state").asText()).as(shortAsset.toString()).isEqualTo("READY");
        assertThat(Instant.parse(shortAsset.path("updatedAt").asText()))
                .as("the critical video, uploaded while the bulk one was in its chunks, is ready first")
                .isBefore(Instant.parse(asset.path("updatedAt").asText()));
        assertThat(processing.path("transcode").path("partsDone").asInt()).as("progress is visible while it runs")
                .isBetween(1, processing.path("transcode").path("partsTotal").asInt() - 1);
        assertThat(processing.path("transcode").path("parts").size()).as("each part done so far, by index")
                .isEqualTo(processing.path("transcode").path("partsDone").asInt());
        JsonNode transcode = asset.path("transcode");
        assertThat(transcode.path("engine").asText()).isEqualTo("segmented");
        assertThat(transcode.path("chunks").asInt()).as(transcode.toString()).isGreaterThan(5);
        assertThat(transcode.path("partsTotal").asInt()).as("the chunks and the audio").isEqualTo(transcode.path("chunks").asInt() + 1);
        assertThat(transcode.path("partsDone").asInt()).isEqualTo(transcode.path("partsTotal").asInt());
        assertThat(transcode.path("parts").findValuesAsText("index")).as("every chunk and the audio, once each")
                .hasSize(transcode.path("partsTotal").asInt()).doesNotHaveDuplicates();
        assertThat(ImagePipelineIT.names(asset.path("renditions")))
                .containsExactlyInAnyOrder("hls/180p", "hls/audio", "hls/master", "mp4/180p", "poster", "storyboard");

        Path local = download(longId);
        RenditionDownloads.assertDecodesWhole(local.resolve("hls/master.m3u8"));
        assertContinuousVariant(local.resolve("hls/180p/index.m3u8"), 600);
        List<String> audio = packets(local.resolve("hls/audio/index.m3u8"), "a:0");
        assertContinuous(audio, "audio", 1024.0 / 48000);
        assertThat(durationOf(audio)).as("audio duration").isCloseTo(600, within(0.05));
        assertThat(TestMedia.probeMedia(local.resolve("mp4/180p.mp4")).durationSeconds()).isCloseTo(600, within(0.1));
        assertThat(TestMedia.probeMedia(local.resolve("mp4/180p.mp4")).audio()).hasSize(1);
        assertThat(Files.readString(local.resolve("storyboard/storyboard.vtt"))).startsWith("WEBVTT");
        assertThat(TestMedia.probeMedia(local.resolve("storyboard/sprite.jpg")).video()).isPresent();
        assertThat(RenditionObjects.assertServable(stack, longId)).anySatisfy(key -> assertThat(key).endsWith(".m4s"));

        searchIndex.collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(RenditionDownloads.renditionEvents(searchIndex, longId)).as("one rendition.ready per rendition, duplicate parts or not")
                .hasSize(6).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        Map<Integer, Long> encodes = encodesByPart(longId);
        assertThat(encodes).hasSize(transcode.path("partsTotal").asInt());
    }

    @Test
    void aBulkVideoRushedWhileItsChunksWaitHasThemSentToTheCriticalChunkQueueAndTheOldOnesDoNothing() throws Exception {
        WorkQueues.consumer(stack, "video-chunks-bulk", false);
        String id;
        try {
            id = Uploads.upload(client, "archive.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("archive.mp4"), 150, 320, 180, 1, 0));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline) && WorkQueues.depth(stack, "video-chunks-bulk") == 0) {
                Thread.sleep(200);
            }
            int waiting = WorkQueues.depth(stack, "video-chunks-bulk");
            assertThat(waiting).as("the bulk video's parts wait in the bulk chunk queue").isGreaterThan(1);
            assertThat(client.asset(id).body().path("transcode").path("engine").asText()).isEqualTo("segmented");

            var moved = WorkQueues.priority(stack, id, "{\"priority\": \"critical\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
            assertThat(moved.body()).contains("\"result\":\"moved\"", "-video-critical");
            JsonNode asset = settled(id);
            assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
            assertThat(asset.path("route").path("priority").asText()).isEqualTo("critical");
            assertThat(WorkQueues.depth(stack, "video-chunks-bulk")).as("the old parts still wait, untouched").isEqualTo(waiting);
        } finally {
            WorkQueues.consumer(stack, "video-chunks-bulk", true);
        }
        WorkQueues.awaitEmpty(stack, "video-chunks-bulk", Duration.ofMinutes(2));
        assertThat(Files.readString(stack.functionLog("video-chunk-worker")))
                .contains("superseded: sent to bulk as generation 0; a priority change sent it again to critical as generation 1");
        notifications.collectUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));
        assertThat(notifications.count(id, "asset.ready")).as("made once, announced once").isEqualTo(1);
        assertThat(settled(id).path("state").asText()).isEqualTo("READY");
    }

    @Test
    void theSame1080pVideoThroughBothPathsHasTheSameRenditionsLayoutAndEvents(LocalStackExtension.Fixture fx) throws Exception {
        Path source = TestMedia.SAMPLES.video(dir.resolve("talk.mp4"), 20, 1920, 1080, 1, 0);
        AssetflowClient oneClient = new AssetflowClient(fx.stack().apiEndpoint());
        String oneId = Uploads.upload(oneClient, "talk.mp4", "video/mp4", source);
        // one after the other: the 1080p ladder in one process needs the machine's cores to itself to stay within 3008 MB
        JsonNode one = oneClient.awaitTerminal(oneId, LONG_WAIT, state -> { }).body();
        String segmentedId = Uploads.upload(client, "talk.mp4", "video/mp4", source);
        JsonNode segmented = settled(segmentedId);

        assertThat(segmented.path("state").asText()).as(segmented.toString()).isEqualTo("READY");
        assertThat(one.path("state").asText()).as(one.toString()).isEqualTo("READY");
        assertThat(segmented.path("transcode").path("engine").asText()).isEqualTo("segmented");
        assertThat(segmented.path("transcode").path("chunks").asInt()).as("1080p chunks of one 4 s segment each").isEqualTo(5);
        assertThat(one.path("transcode").path("engine").asText()).isEqualTo("one-invocation");
        assertThat(ImagePipelineIT.names(segmented.path("renditions")))
                .containsExactlyInAnyOrderElementsOf(ImagePipelineIT.names(one.path("renditions")));
        assertThat(relativeKeys(stack, segmentedId)).as("the same objects under the same keys")
                .isEqualTo(relativeKeys(fx.stack(), oneId));
        Path local = download(segmentedId);
        RenditionDownloads.assertDecodesWhole(local.resolve("hls/master.m3u8"));
        for (String rung : List.of("1080p", "720p", "480p", "360p")) {
            assertContinuousVariant(local.resolve("hls/" + rung + "/index.m3u8"), 20);
        }

        searchIndex.collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        fx.searchIndex().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(RenditionDownloads.renditionEvents(searchIndex, segmentedId)).isEqualTo(RenditionDownloads.renditionEvents(fx.searchIndex(), oneId));
        notifications.collectUntilQuiet(Duration.ofSeconds(1), Duration.ofSeconds(10));
        fx.notifications().collectUntilQuiet(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(notifications.count(segmentedId, "asset.ready")).isEqualTo(1).isEqualTo(fx.notifications().count(oneId, "asset.ready"));
    }

    @Test
    void aChunkWorkerKilledMidChunkCostsOnlyTheChunksItWasEncoding() throws Exception {
        Path source = TestMedia.SAMPLES.video(dir.resolve("crash.mp4"), 24, 1920, 1080, 1, 0);
        String assetId = Uploads.upload(client, "crash.mp4", "video/mp4", source);
        awaitEncodes(assetId, 1);
        int ended = stack.endBusyEnvironments("video-chunk-worker", "test: a chunk worker crashes mid-chunk");
        assertThat(ended).as("a chunk worker was busy when it was ended").isPositive();

        JsonNode asset = settled(assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        Map<Integer, Long> encodes = encodesByPart(assetId);
        int parts = asset.path("transcode").path("partsTotal").asInt();
        assertThat(encodes).as("every part was encoded").hasSize(parts);
        long redone = encodes.values().stream().filter(count -> count > 1).count();
        assertThat(redone).as("parts encoded again: " + encodes).isBetween(1L, (long) ended);
        assertThat(encodes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(parts + redone);
        RenditionDownloads.assertDecodesWhole(download(assetId).resolve("hls/master.m3u8"));
    }

    @Test
    void aSourceDamagedInItsMiddleFailsWithTheCategoryAndTheTimeRange() throws Exception {
        Path whole = TestMedia.SAMPLES.video(dir.resolve("whole.mp4"), 180, 320, 180, 1, 0);
        byte[] bytes = Files.readAllBytes(whole);
        for (int i = (int) (bytes.length * 0.45); i < (int) (bytes.length * 0.55); i++) {
            bytes[i] = 0;
        }
        Path damaged = Files.write(dir.resolve("damaged.mp4"), bytes);
        String assetId = Uploads.upload(client, "damaged.mp4", "video/mp4", damaged);

        JsonNode asset = settled(assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("FAILED");
        assertThat(asset.path("failure").path("category").asText()).isEqualTo("CORRUPT_MEDIA");
        assertThat(asset.path("failure").path("reason").asText()).matches("(?s).*damaged between \\d+\\.\\d+ s and \\d+\\.\\d+ s.*");
        assertThat(Files.exists(whole)).isTrue();
        assertThat(stack.clients().s3().headObject(b -> b.bucket(stack.resources().bucketName("uploads"))
                .key(asset.path("original").path("key").asText())).contentLength()).as("the original stays").isEqualTo(bytes.length);
    }

    // ---- helpers ----

    private static JsonNode settled(String assetId) {
        AssetflowClient.ApiResponse response = client.awaitTerminal(assetId, LONG_WAIT, state -> { });
        assertThat(AssetflowClient.isTerminal(response.body().path("state").asText()))
                .as("asset %s settled within %s: %s", assetId, LONG_WAIT, response.body()).isTrue();
        return response.body();
    }

    private static JsonNode awaitPartsDone(String assetId, int parts) throws InterruptedException {
        Instant deadline = Instant.now().plus(LONG_WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode body = client.asset(assetId).body();
            if (body.path("transcode").path("partsDone").asInt() >= parts) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("asset " + assetId + " never had " + parts + " parts done: " + client.asset(assetId).body());
    }

    private static void awaitEncodes(String assetId, int started) throws InterruptedException {
        Instant deadline = Instant.now().plus(LONG_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (encodesByPart(assetId).values().stream().mapToLong(Long::longValue).sum() >= started) {
                Thread.sleep(1500); // well into the encode: the 1080p ladder of a 4 s segment takes longer than that here
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no part of " + assetId + " started encoding");
    }

    /** How often each part was started, from the chunk worker's log ("encoding part N of M"). */
    private static Map<Integer, Long> encodesByPart(String assetId) {
        Pattern line = Pattern.compile("asset " + Pattern.quote(assetId) + ": encoding part (\\d+) of");
        try (Stream<String> lines = Files.lines(stack.functionLog("video-chunk-worker"))) {
            return lines.map(line::matcher).filter(Matcher::find).collect(Collectors.groupingBy(m -> Integer.parseInt(m.group(1)),
                    TreeMap::new, Collectors.counting()));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Asset asset(String assetId) {
        return new DynamoAssetRepository(stack.clients().dynamoDb(), stack.resources().tableName("assets"))
                .find(new AssetId(assetId)).orElseThrow();
    }

    private static TreeSet<String> relativeKeys(LocalStack on, String assetId) {
        String prefix = "renditions/" + assetId + "/";
        return on.clients().s3().listObjectsV2Paginator(b -> b.bucket(on.resources().bucketName("renditions")).prefix(prefix))
                .contents().stream().map(o -> o.key().substring(prefix.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private Path download(String assetId) throws IOException {
        return RenditionDownloads.downloadPrefix(stack, "renditions", "renditions/" + assetId + "/video-abr/v1/", dir.resolve("download-" + assetId));
    }

    /** A variant: one frame per source frame, ceil(duration / 4) segments, no gap or overlap over a frame anywhere. */
    private static void assertContinuousVariant(Path playlist, int seconds) throws IOException {
        List<String> video = packets(playlist, "v:0");
        assertThat(video).as(playlist + " frames").hasSize(seconds * FPS);
        assertContinuous(video, playlist.toString(), 1.0 / FPS);
        assertThat(durationOf(video)).as(playlist + " duration").isCloseTo(seconds, within(1.0 / FPS));
        assertThat(Files.readAllLines(playlist).stream().filter(l -> l.endsWith(".m4s")).count())
                .isEqualTo((long) Math.ceil(seconds / 4.0));
    }

    /** Each packet as {@code pts_time,duration_time}, in presentation order. */
    private static List<String> packets(Path playlist, String stream) {
        ProcessRunner.Result result = new ProcessRunner().run(List.of(TestMedia.TOOLS.ffprobe().toString(), "-v", "error",
                "-protocol_whitelist", "file", "-select_streams", stream, "-show_entries", "packet=pts_time,duration_time",
                "-of", "csv=p=0", playlist.toString()), playlist.getParent(), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> packets = new ArrayList<>(result.stdout().lines().filter(l -> !l.isBlank()).toList());
        packets.sort((a, b) -> Double.compare(Double.parseDouble(a.split(",")[0]), Double.parseDouble(b.split(",")[0])));
        return packets;
    }

    private static void assertContinuous(List<String> packets, String what, double frame) {
        for (int i = 1; i < packets.size(); i++) {
            double previous = Double.parseDouble(packets.get(i - 1).split(",")[0]);
            double current = Double.parseDouble(packets.get(i).split(",")[0]);
            assertThat(current - previous).as(what + ": packet " + i + " at " + current + " s follows " + previous + " s")
                    .isCloseTo(frame, within(frame));
        }
    }

    private static double durationOf(List<String> packets) {
        String[] first = packets.get(0).split(",");
        String[] last = packets.get(packets.size() - 1).split(",");
        return Double.parseDouble(last[0]) + Double.parseDouble(last[1]) - Double.parseDouble(first[0]);
    }
}
