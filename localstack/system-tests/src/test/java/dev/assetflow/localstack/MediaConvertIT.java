package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;
import software.amazon.awssdk.services.mediaconvert.model.Job;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.NotFoundException;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;

/**
 * Video routed to MediaConvert through a local stack of its own: the submitter (from its artifact)
 * creates the job with the real SDK client on the stand-in, the stand-in makes the outputs with ffmpeg and
 * puts the job's state changes on the emulator's event bus, the topology's rule delivers them to the
 * completion function. A job may take up to a minute here (JOB_TIMEOUT_SECONDS), looked at every 5 s.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the profile change comes last: the others make video-abr v1
class MediaConvertIT {
    private static final Duration WAIT = Duration.ofMinutes(6);
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();
    private static AssetflowClient client;
    private static EventTap searchIndex;
    private static EventTap notifications;
    private static MediaConvertClient mediaConvert;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path config) throws IOException {
        Path rules = Files.writeString(config.resolve("mediaconvert-rules.json"), """
                {"version": 1, "rules": [
                  {"name": "capped-long-video", "when": {"kind": "video", "minDurationSeconds": 30},
                   "route": {"queue": "standard", "profile": "video-abr", "transcoder": "mediaconvert", "maxCostUsd": 0.001}},
                  {"name": "video-to-mediaconvert", "when": {"kind": "video"},
                   "route": {"queue": "standard", "profile": "video-abr", "transcoder": "mediaconvert"}},
                  {"name": "fallback", "when": {}, "route": {"queue": "review"}}]}
                """);
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules()
                .withVisibilityTimeoutCap(Duration.ofSeconds(60))
                .withConfigDocument("routing-rules", Files.readString(rules))
                .withEnvironment("mediaconvert-submitter", Map.of("JOB_TIMEOUT_SECONDS", "60", "WATCH_SECONDS", "5", "CONFIG_MAX_AGE_SECONDS", "1"))
                .withEnvironment("mediaconvert-completion", Map.of("CONFIG_MAX_AGE_SECONDS", "1"))
                .withEnvironment("asset-control", Map.of("CONFIG_MAX_AGE_SECONDS", "1")));
        client = new AssetflowClient(stack.apiEndpoint());
        searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"));
        notifications = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("notifications"));
        mediaConvert = stack.clients().configure(MediaConvertClient.builder()).endpointOverride(stack.mediaConvert().endpoint()).build();
    }

    @AfterAll
    static void stop() {
        if (mediaConvert != null) {
            mediaConvert.close();
        }
    }

    @Test
    void aVideoRoutedToMediaConvertIsReadyWithTheRenditionsAndEventsOfTheFfmpegPath(LocalStackExtension.Fixture fx) throws Exception {
        Path source = TestMedia.SAMPLES.video(dir.resolve("talk.mp4"), 10, 640, 360, 1, 0);
        String ffmpegId = Uploads.upload(new AssetflowClient(fx.stack().apiEndpoint()), "talk.mp4", "video/mp4", source);
        String assetId = Uploads.upload(client, "talk.mp4", "video/mp4", source);

        JsonNode asset = settled(assetId);
        JsonNode ffmpeg = Uploads.settled(new AssetflowClient(fx.stack().apiEndpoint()), ffmpegId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("route").path("engine").asText()).isEqualTo("mediaconvert");
        JsonNode transcode = asset.path("transcode");
        assertThat(transcode.path("engine").asText()).isEqualTo("mediaconvert");
        assertThat(transcode.path("queue").asText()).endsWith("-mediaconvert-standard");
        assertThat(transcode.path("submission").asInt()).isEqualTo(1);
        assertThat(asset.at("/media/cost/engine").asText()).isEqualTo("mediaconvert");
        assertThat(asset.at("/media/cost/usd").asDouble()).isPositive();
        assertThat(asset.at("/media/cost/pricesAsOf").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(ffmpeg.at("/media/cost/engine").asText()).as("every engine's asset has its estimate").isEqualTo("ffmpeg");
        assertThat(ffmpeg.at("/media/cost/basis").asText()).contains("GB-s of video-worker");
        Job job = mediaConvert.getJob(b -> b.id(transcode.path("jobId").asText())).job();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(job.userMetadata()).containsEntry("assetId", assetId);
        assertThat(ImagePipelineIT.names(asset.path("renditions"))).as("the same renditions as the ffmpeg path")
                .containsExactlyInAnyOrderElementsOf(ImagePipelineIT.names(ffmpeg.path("renditions")));
        Map<String, String> keys = keysByName(asset);
        String prefix = "renditions/" + assetId + "/video-abr/v1/";
        assertThat(keys).containsEntry("hls/master", prefix + "hls/master.m3u8").containsEntry("mp4/360p", prefix + "mp4/360p.mp4")
                .containsEntry("poster", prefix + "poster.jpg").containsEntry("storyboard", prefix + "storyboard/storyboard.vtt")
                .containsEntry("hls/360p", prefix + "hls/master_360p.m3u8").containsEntry("hls/audio", prefix + "hls/master_audio.m3u8");

        asset.path("renditions").forEach(r -> {
            if (r.path("name").asText().equals("hls/360p")) {
                assertThat(r.path("bytes").asLong()).as("a variant counts its segments, not only its playlist").isGreaterThan(10_000);
            }
        });
        Path local = download(assetId);
        RenditionDownloads.assertDecodesWhole(local.resolve("hls/master.m3u8"));
        assertThat(TestMedia.probeMedia(local.resolve("mp4/360p.mp4")).audio()).hasSize(1);
        assertThat(TestMedia.probeMedia(local.resolve("poster.jpg")).video()).isPresent();
        assertThat(Files.readString(local.resolve("storyboard/storyboard.vtt"))).startsWith("WEBVTT");
        assertThat(TestMedia.probeMedia(local.resolve("storyboard/sprite.jpg")).video()).isPresent();

        searchIndex.collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        fx.searchIndex().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(RenditionDownloads.renditionEvents(searchIndex, assetId)).as("one rendition.ready per rendition, as on the ffmpeg path")
                .isEqualTo(RenditionDownloads.renditionEvents(fx.searchIndex(), ffmpegId)).allSatisfy((name, count) -> assertThat(count).isEqualTo(1));

        // late and repeated state changes of its job, and one of a job this stack never made, change nothing
        sendEvent(job, "COMPLETE", Map.of());
        sendEvent(job, "STATUS_UPDATE", Map.of("jobProgress", Map.of("jobPercentComplete", 40)));
        sendEvent(Job.builder().id("1700000000000-foreign").queue("arn:aws:mediaconvert:us-east-1:123456789012:queues/Default")
                .userMetadata(Map.of("assetId", assetId)).build(), "ERROR", Map.of("errorCode", 1010, "errorMessage", "not ours"));
        awaitLog("mediaconvert-completion", "is not this stack's");
        notifications.collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        searchIndex.collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(10));
        JsonNode after = client.asset(assetId).body();
        assertThat(after.path("state").asText()).isEqualTo("READY");
        assertThat(after.path("updatedAt").asText()).isEqualTo(asset.path("updatedAt").asText());
        assertThat(notifications.count(assetId, "asset.ready")).isEqualTo(1);
        assertThat(RenditionDownloads.renditionEvents(searchIndex, assetId).values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aVideoEstimatedOverItsRulesCapGoesToReviewBeforeAnyJob() throws Exception {
        String assetId = Uploads.upload(client, "long.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("long.mp4"), 31, 320, 180, 1, 0));

        JsonNode asset = settled(assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("QUARANTINED");
        assertThat(asset.path("failure").path("category").asText()).isEqualTo("COST_LIMIT");
        assertThat(asset.path("failure").path("reason").asText()).contains("over the cap of rule 'capped-long-video': $0.0010")
                .contains("prices of");
        assertThat(asset.at("/media/cost/usd").asDouble()).isGreaterThan(0.001);
        assertThat(mediaConvert.listJobs(b -> b.maxResults(20)).jobs()).noneMatch(j -> assetId.equals(j.userMetadata().get("assetId")));
    }

    @Test
    void aSourceMediaConvertCannotOpenFailsCorruptMediaAndTheOriginalStays() throws Exception {
        stack.mediaConvert().faults().holdJobs(true);
        String assetId;
        try {
            assetId = Uploads.upload(client, "clip.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("clip.mp4"), 4, 320, 180, 1, 0));
            awaitState(assetId, "PROCESSING");
            // the object is replaced after ingest probed it: what MediaConvert then reads is no video
            JsonNode original = client.asset(assetId).body().path("original");
            stack.clients().s3().putObject(b -> b.bucket(original.path("bucket").asText()).key(original.path("key").asText()),
                    RequestBody.fromString("this is not a video any more"));
        } finally {
            stack.mediaConvert().faults().holdJobs(false);
        }

        JsonNode asset = settled(assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("FAILED");
        assertThat(asset.path("failure").path("category").asText()).isEqualTo("CORRUPT_MEDIA");
        assertThat(asset.path("failure").path("reason").asText()).contains("failed with error 1010");
        assertThat(stack.clients().s3().headObject(b -> b.bucket(asset.path("original").path("bucket").asText())
                .key(asset.path("original").path("key").asText())).contentLength()).as("the original stays").isPositive();
    }

    @Test
    void aServiceErrorIsResubmittedAsANewJob() throws Exception {
        stack.mediaConvert().faults().failNextJobs(1, 3450);
        String assetId = Uploads.upload(client, "retry.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("retry.mp4"), 4, 320, 180, 1, 0));

        JsonNode asset = settled(assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("transcode").path("submission").asInt()).as("the second submission made it").isEqualTo(2);
        List<Job> jobs = mediaConvert.listJobs(b -> b.maxResults(20)).jobs().stream()
                .filter(j -> assetId.equals(j.userMetadata().get("assetId"))).toList();
        assertThat(jobs).extracting(Job::status).containsExactlyInAnyOrder(JobStatus.ERROR, JobStatus.COMPLETE);
    }

    @Test
    void aJobThatNeverEndsIsCancelledAndTheAssetFailsTransientAfterTheTimeout() throws Exception {
        stack.mediaConvert().faults().holdJobs(true);
        try {
            String assetId = Uploads.upload(client, "stuck.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("stuck.mp4"), 4, 320, 180, 1, 0));

            JsonNode asset = settled(assetId);

            assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("FAILED");
            assertThat(asset.path("failure").path("category").asText()).isEqualTo("TRANSIENT");
            assertThat(asset.path("failure").path("reason").asText()).contains("did not end the asset within 60 s").contains("cancelled");
            assertThat(mediaConvert.getJob(b -> b.id(asset.path("transcode").path("jobId").asText())).job().status())
                    .isEqualTo(JobStatus.CANCELED);
        } finally {
            stack.mediaConvert().faults().holdJobs(false);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aJobRunningWhileItsProfileGetsANewVersionEndsWithThatVersionAndAReprocessJobMakesOnlyWhatChanged() throws Exception {
        stack.mediaConvert().faults().holdJobs(true);
        String assetId;
        try {
            assetId = Uploads.upload(client, "during.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("during.mp4"), 4, 854, 480, 1, 0));
            awaitLog("mediaconvert-submitter", "asset " + assetId + ": MediaConvert job");
            ObjectNode profiles = (ObjectNode) Json.mapper().readTree(dev.assetflow.topology.TopologyLoader.configDocument("profiles.json"));
            ObjectNode abr = (ObjectNode) profiles.path("video").get(0);
            abr.put("version", 2);
            abr.path("rungs").forEach(rung -> {
                if (rung.path("name").asText().equals("360p")) {
                    ((ObjectNode) rung).put("videoKbps", 700).put("maxKbps", 900);
                }
            });
            Path v2 = Files.writeString(dir.resolve("profiles-v2.json"), profiles.toPrettyString());
            OpsCommands.Result push = OpsCommands.run(stack, dev.assetflow.ops.config.ConfigCommand::run, "push", "--document", "profiles",
                    "--file", v2.toString());
            assertThat(push.out()).as(push.out()).contains("published");
            Thread.sleep(3_000); // the completion function's profiles cache is 1 s here: it serves v2 when the job ends
        } finally {
            stack.mediaConvert().faults().holdJobs(false);
        }

        JsonNode asset = settled(assetId);

        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("renditions")).isNotEmpty().allSatisfy(r -> assertThat(r.path("profileVersion").asInt()).isEqualTo(1));
        assertThat(Files.readString(stack.functionLog("mediaconvert-completion")))
                .doesNotContain("which this deployment does not have");

        var sent = WorkQueues.postTo(stack, "/assets/" + assetId + "/reprocess", "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode v2 = Uploads.readyWithVersion(client, assetId, 2, WAIT);
        Map<String, String> locations = Uploads.locationsOf(v2, 2);
        assertThat(locations).containsOnlyKeys("hls/480p", "hls/360p", "hls/audio", "hls/master", "mp4/480p", "poster", "storyboard");
        locations.forEach((name, location) -> assertThat(location).as(name)
                .contains(name.equals("hls/360p") || name.equals("hls/master") ? "/video-abr/v2/" : "/video-abr/v1/"));
        Job second = mediaConvert.getJob(b -> b.id(v2.path("transcode").path("jobId").asText())).job();
        assertThat(second.settings().outputGroups()).as("only the changed rung: no MP4, no audio, no captures")
                .singleElement().satisfies(group -> assertThat(group.outputs()).singleElement()
                        .satisfies(output -> assertThat(output.videoDescription().height()).isEqualTo(360)));
        Path local = RenditionDownloads.downloadPrefix(stack, "renditions", "renditions/" + assetId + "/video-abr/", dir.resolve("v2"));
        assertThat(Files.readString(local.resolve("v2/hls/master.m3u8"))).contains("../../v1/hls/", "\nmaster_360p.m3u8\n");
        RenditionDownloads.assertDecodesWhole(local.resolve("v2/hls/master.m3u8"));
    }

    @Test
    void theStandInRefusesWhatMediaConvertRefusesThroughTheRealSdkClient() throws Exception {
        String uploads = stack.resources().bucketName("uploads");
        Path small = TestMedia.SAMPLES.video(dir.resolve("small.mp4"), 2, 320, 180, 0, 0);
        stack.clients().s3().putObject(b -> b.bucket(uploads).key("direct/small.mp4"), small);
        String role = stack.resources().mediaConvertRoleArn();
        String queue = stack.resources().mediaConvertQueueArn("standard");
        String input = "s3://" + uploads + "/direct/small.mp4";

        assertThatThrownBy(() -> create(role, queue + "-missing", input, rung(320, 180)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("/queue");
        assertThatThrownBy(() -> create(role + "-other", queue, input, rung(320, 180)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("/role");
        assertThatThrownBy(() -> create(role, queue, input))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("outputs: should have at least 1 item");
        assertThatThrownBy(() -> create(role, queue, input, rung(1280, 720)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("1280x720 is above the input's 320x180");
        assertThatThrownBy(() -> mediaConvert.getJob(b -> b.id("no-such-job"))).isInstanceOf(NotFoundException.class);
    }

    // ---- helpers ----

    /** A CreateJob through the real SDK client: one HLS group with these outputs. */
    private static void create(String role, String queue, String input, Output... outputs) {
        mediaConvert.createJob(b -> b.role(role).queue(queue).settings(s -> s.inputs(i -> i.fileInput(input))
                .outputGroups(g -> g.outputGroupSettings(o -> o.type(OutputGroupType.HLS_GROUP_SETTINGS)
                        .hlsGroupSettings(h -> h.destination("s3://" + stack.resources().bucketName("renditions") + "/direct/master")))
                        .outputs(outputs))));
    }

    private static Output rung(int width, int height) {
        return Output.builder().nameModifier("_" + height + "p").containerSettings(c -> c.container(ContainerType.CMFC))
                .videoDescription(v -> v.width(width).height(height).codecSettings(c -> c.codec(VideoCodec.H_264))).build();
    }

    private static JsonNode settled(String assetId) {
        AssetflowClient.ApiResponse response = client.awaitTerminal(assetId, WAIT, state -> { });
        assertThat(AssetflowClient.isTerminal(response.body().path("state").asText()))
                .as("asset %s settled within %s: %s", assetId, WAIT, response.body()).isTrue();
        return response.body();
    }

    private static void awaitState(String assetId, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (client.asset(assetId).body().path("state").asText().equals(state)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("asset " + assetId + " never was " + state + ": " + client.asset(assetId).body());
    }

    private static void awaitLog(String function, String text) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(stack.functionLog(function)) && Files.readString(stack.functionLog(function)).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(function + " never logged '" + text + "'");
    }

    /** A state-change event of {@code job} in EventBridge's shape, straight onto the events queue. */
    private static void sendEvent(Job job, String status, Map<String, Object> more) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0").put("id", java.util.UUID.randomUUID().toString()).put("detail-type", "MediaConvert Job State Change")
                .put("source", "aws.mediaconvert").put("account", "123456789012").put("time", Instant.now().toString())
                .put("region", "us-east-1").putArray("resources").add("arn:aws:mediaconvert:us-east-1:123456789012:jobs/" + job.id());
        ObjectNode detail = event.putObject("detail");
        detail.put("timestamp", Instant.now().toEpochMilli()).put("accountId", "123456789012").put("queue", job.queue())
                .put("jobId", job.id()).put("status", status);
        detail.set("userMetadata", Json.mapper().valueToTree(job.userMetadata()));
        more.forEach((key, value) -> detail.set(key, Json.mapper().valueToTree(value)));
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().queueUrl("mediaconvert-events")).messageBody(Json.write(event)));
    }

    private static Map<String, String> keysByName(JsonNode asset) {
        String head = "s3://" + stack.resources().bucketName("renditions") + "/";
        Map<String, String> keys = new TreeMap<>();
        asset.path("renditions").forEach(r -> keys.put(r.path("name").asText(), r.path("location").asText().substring(head.length())));
        return keys;
    }

    private Path download(String assetId) throws IOException {
        return RenditionDownloads.downloadPrefix(stack, "renditions", "renditions/" + assetId + "/video-abr/v1/", dir.resolve("download-" + assetId));
    }
}
