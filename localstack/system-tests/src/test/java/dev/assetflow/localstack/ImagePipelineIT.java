package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.idempotency.IdempotencyKey;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.media.ImageInfo;
import dev.assetflow.fixtures.SampleMedia;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** An image through the whole local stack: API, S3, notification, ingest, work queue, worker, events. */
@ExtendWith(LocalStackExtension.class)
class ImagePipelineIT {
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_COLLECT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aPresignedUploadBecomesReadyWithRenditionsOfTheRightSizeAndExactlyOnceEvents(LocalStackExtension.Fixture fx) throws Exception {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        Path picture = TestMedia.SAMPLES.picture(dir.resolve("source.png"), 1600, 900);
        String assetId = Uploads.upload(client, "Cat +1 ü.png", "image/png", picture);

        JsonNode asset = Uploads.settled(client, assetId);

        assertThat(asset.path("state").asText()).isEqualTo("READY");
        assertThat(asset.path("detectedType").asText()).isEqualTo("image/png");
        assertThat(asset.path("route").path("priority").asText()).isEqualTo("critical");
        assertThat(asset.path("original").path("key").asText()).isEqualTo("uploads/" + assetId + "/Cat +1 ü.png");
        JsonNode renditions = asset.path("renditions");
        assertThat(names(renditions)).containsExactlyInAnyOrder(
                "320w.webp", "320w.jpg", "640w.webp", "640w.jpg", "1280w.webp", "1280w.jpg");
        for (JsonNode rendition : renditions) {
            ImageInfo produced = TestMedia.probe(download(fx, rendition.path("location").asText()));
            int width = rendition.path("width").asInt();
            assertThat(produced.width()).as(rendition.path("name").asText()).isEqualTo(width);
            assertThat(produced.height()).as(rendition.path("name").asText()).isEqualTo(Math.round(900f * width / 1600));
            assertThat(produced.codec()).isEqualTo(rendition.path("name").asText().endsWith(".webp") ? "webp" : "mjpeg");
        }
        assertThat(originalExists(fx, asset)).isTrue();
        assertThat(RenditionObjects.assertServable(fx, assetId)).hasSize(6);

        fx.searchIndex().collectUntilQuiet(QUIET, MAX_COLLECT);
        fx.notifications().collectUntilQuiet(QUIET, MAX_COLLECT);
        List<JsonNode> renditionEvents = fx.searchIndex().eventsFor(assetId).stream()
                .filter(e -> e.path("type").asText().equals("rendition.ready")).toList();
        assertThat(renditionEvents).hasSize(6);
        assertThat(renditionEvents.stream().map(e -> e.path("rendition").path("name").asText()).collect(Collectors.toSet()))
                .isEqualTo(names(renditions));
        assertThat(renditionEvents).allSatisfy(e -> {
            assertThat(e.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(e.path("kind").asText()).isEqualTo("image");
            assertThat(e.path("rendition").path("profileVersion").asInt()).isEqualTo(1);
            assertThat(e.path("rendition").path("bytes").asLong()).isPositive();
        });
        assertThat(fx.notifications().count(assetId, "asset.ready")).isEqualTo(1);
        assertThat(fx.searchIndex().count(assetId, "asset.ready")).isEqualTo(1);
    }

    @Test
    void anAnimatedGifIsServedAsAnimationAndVideoWithAPoster(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        String assetId = Uploads.upload(client, "dance.gif", "image/gif", TestMedia.SAMPLES.animation(dir.resolve("dance.gif"), 700, 400, 8));
        JsonNode asset = Uploads.settled(client, assetId);
        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("media").path("frames").asInt()).isEqualTo(8);
        assertThat(names(asset.path("renditions"))).containsExactlyInAnyOrder("320w.webp", "320w.mp4", "640w.webp", "640w.mp4", "poster.jpg");
        assertThat(RenditionObjects.assertServable(fx, assetId)).hasSize(5);
    }

    @Test
    void anSvgLogoIsDrawnAtEveryWidth(LocalStackExtension.Fixture fx) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        String assetId = Uploads.upload(client, "logo.svg", "image/svg+xml", SampleMedia.svgLogo(dir.resolve("logo.svg")));
        JsonNode asset = Uploads.settled(client, assetId);
        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("detectedType").asText()).isEqualTo("image/svg+xml");
        assertThat(names(asset.path("renditions"))).containsExactlyInAnyOrder(
                "320w.webp", "320w.jpg", "640w.webp", "640w.jpg", "1280w.webp", "1280w.jpg");
        assertThat(RenditionObjects.assertServable(fx, assetId)).hasSize(6);
    }

    @Test
    void aPhonePictureIsTurnedUprightAndLosesItsMetadata(LocalStackExtension.Fixture fx) throws Exception {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        Path photo = TestMedia.SAMPLES.jpegWithOrientation(dir.resolve("phone.jpg"), 1600, 1200, 6);
        String assetId = Uploads.upload(client, "phone.jpg", "image/jpeg", photo);

        JsonNode asset = Uploads.settled(client, assetId);

        assertThat(asset.path("state").asText()).isEqualTo("READY");
        for (JsonNode rendition : asset.path("renditions")) {
            Path file = download(fx, rendition.path("location").asText());
            ImageInfo produced = TestMedia.probe(file);
            assertThat(produced.height()).as("portrait as displayed").isGreaterThan(produced.width());
            assertThat(produced.width()).isEqualTo(rendition.path("width").asInt());
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(SampleMedia.CAMERA_MAKE);
        }
        assertThat(names(asset.path("renditions"))).containsExactlyInAnyOrder("320w.webp", "320w.jpg", "640w.webp", "640w.jpg");
    }

    @Test
    void theSameS3EventDeliveredAgainDoesNoDuplicateWorkNorEvents(LocalStackExtension.Fixture fx) throws Exception {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        String assetId = Uploads.upload(client, "twice.png", "image/png",
                TestMedia.SAMPLES.picture(dir.resolve("twice.png"), 700, 500));
        JsonNode first = Uploads.settled(client, assetId);
        assertThat(first.path("state").asText()).isEqualTo("READY");

        String bucket = first.path("original").path("bucket").asText();
        String key = first.path("original").path("key").asText();
        HeadObjectResponse head = fx.stack().clients().s3().headObject(b -> b.bucket(bucket).key(key));
        String redelivery = S3Events.objectCreated(bucket, key, head.eTag(), head.contentLength());
        String ingestQueue = fx.stack().resources().queueUrl("ingest");
        fx.stack().clients().sqs().sendMessage(b -> b.queueUrl(ingestQueue).messageBody(redelivery));
        fx.stack().clients().sqs().sendMessage(b -> b.queueUrl(ingestQueue).messageBody(redelivery));
        awaitDrained(fx, ingestQueue);
        awaitDrained(fx, fx.stack().resources().queueUrl("image-critical"));

        JsonNode after = client.asset(assetId).body();
        assertThat(after.path("state").asText()).isEqualTo("READY");
        assertThat(states(after.path("history"))).containsExactly("RECEIVED", "CLASSIFIED", "QUEUED", "PROCESSING", "READY");
        fx.searchIndex().collectUntilQuiet(QUIET, MAX_COLLECT);
        fx.notifications().collectUntilQuiet(QUIET, MAX_COLLECT);
        assertThat(fx.searchIndex().count(assetId, "rendition.ready")).isEqualTo(after.path("renditions").size());
        assertThat(fx.notifications().count(assetId, "asset.ready")).isEqualTo(1);
        var record = fx.stack().clients().dynamoDb().getItem(b -> b.tableName(fx.stack().resources().tableName("idempotency"))
                .key(Map.of("pk", AttributeValue.fromS(IdempotencyKey.forUpload(bucket, key, head.eTag().replace("\"", ""), null).value()))))
                .item();
        assertThat(record.get("status").s()).as("the upload's idempotency record").isEqualTo("COMPLETED");
        assertThat(record.get("result").s()).startsWith(assetId);
    }

    static Set<String> names(JsonNode renditions) {
        Set<String> names = new HashSet<>();
        renditions.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    static List<String> states(JsonNode history) {
        List<String> states = new ArrayList<>();
        history.forEach(h -> states.add(h.path("to").asText()));
        return states;
    }

    static boolean originalExists(LocalStackExtension.Fixture fx, JsonNode asset) {
        return fx.stack().clients().s3().headObject(b -> b.bucket(asset.path("original").path("bucket").asText())
                .key(asset.path("original").path("key").asText())).contentLength() >= 0;
    }

    private Path download(LocalStackExtension.Fixture fx, String location) {
        String withoutScheme = location.substring("s3://".length());
        String bucket = withoutScheme.substring(0, withoutScheme.indexOf('/'));
        String key = withoutScheme.substring(bucket.length() + 1);
        Path target = dir.resolve(URLEncoder.encode(key, StandardCharsets.UTF_8));
        fx.stack().clients().s3().getObject(b -> b.bucket(bucket).key(key), target);
        return target;
    }

    /** Waits until a queue has no visible and no in-flight messages. */
    static void awaitDrained(LocalStackExtension.Fixture fx, String queueUrl) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            if (SqsQueues.depth(fx.stack().clients().sqs(), queueUrl) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("queue " + queueUrl + " did not drain within 30 s");
    }
}
