package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code DELETE /assets/{id}} on the shared stack: a READY image's renditions and records are erased and
 * asset.deleted announced, its original kept unless {@code original=true}; an asset whose work waits in its queue
 * is refused 409 and keeps everything; an unknown one is 404.
 */
@ExtendWith(LocalStackExtension.class)
class AssetErasureIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void aFinishedAssetIsErasedAndAnnouncedItsOriginalOnlyWhenAsked(LocalStackExtension.Fixture fx) throws Exception {
        LocalStack stack = fx.stack();
        AssetflowClient api = new AssetflowClient(stack.apiEndpoint());
        EventTap searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"));
        String kept = Uploads.upload(api, "erase-me.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("a.png"), 320, 200));
        String gone = Uploads.upload(api, "erase-all.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("b.png"), 320, 210));
        JsonNode keptAsset = Uploads.settled(api, kept);
        JsonNode goneAsset = Uploads.settled(api, gone);
        String renditions = stack.resources().bucketName("renditions");
        assertThat(objects(stack, renditions, "renditions/" + kept + "/")).isPositive();

        HttpResponse<String> erased = delete(stack, "/assets/" + kept);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(erased.body());
        assertThat(body.path("result").asText()).isEqualTo("erased");
        assertThat(body.path("original").asText()).isEqualTo("kept");
        assertThat(body.path("objects").asLong()).isPositive();
        assertThat(objects(stack, renditions, "renditions/" + kept + "/")).as("its renditions are gone").isZero();
        assertThat(api.asset(kept).status()).as("its records are gone").isEqualTo(404);
        assertThat(stack.clients().s3().headObject(b -> b.bucket(keptAsset.at("/original/bucket").asText())
                .key(keptAsset.at("/original/key").asText())).contentLength()).as("the original stays without the flag").isPositive();
        assertThat(delete(stack, "/assets/" + kept).statusCode()).as("erased already").isEqualTo(404);

        HttpResponse<String> all = delete(stack, "/assets/" + gone + "?original=true");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("\"original\":\"erased\"");
        try {
            stack.clients().s3().headObject(b -> b.bucket(goneAsset.at("/original/bucket").asText()).key(goneAsset.at("/original/key").asText()));
            throw new AssertionError("the original of " + gone + " is still there");
        } catch (NoSuchKeyException expected) {
            // erased, as asked
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            assertThat(e.statusCode()).as("HEAD of an erased original").isEqualTo(404);
        }

        searchIndex.collectUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));
        for (String id : new String[] {kept, gone}) {
            assertThat(searchIndex.count(id, "asset.deleted")).as("announced once to the search index").isEqualTo(1);
        }
    }

    @Test
    void anAssetWhoseWorkMayStillWriteIsRefusedAndAnUnknownOneIsNotFound(LocalStackExtension.Fixture fx) throws Exception {
        LocalStack stack = fx.stack();
        AssetflowClient api = new AssetflowClient(stack.apiEndpoint());
        WorkQueues.consumer(stack, "image-critical", false);
        try {
            String waiting = Uploads.upload(api, "waiting.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("w.png"), 320, 220));
            java.time.Instant until = java.time.Instant.now().plusSeconds(60);
            while (!api.asset(waiting).body().path("state").asText().equals("QUEUED") && java.time.Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            HttpResponse<String> refused = delete(stack, "/assets/" + waiting);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("in_flight", "QUEUED");
            assertThat(api.asset(waiting).status()).as("it keeps everything").isEqualTo(200);
        } finally {
            WorkQueues.consumer(stack, "image-critical", true);
        }
        assertThat(delete(stack, "/assets/0f8fad5b-d9cb-469f-a165-70867728950e").statusCode()).isEqualTo(404);
        assertThat(delete(stack, "/assets/not-an-id").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> delete(LocalStack stack, String path) throws Exception {
        URI uri = stack.apiEndpoint().resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int objects(LocalStack stack, String bucket, String prefix) {
        return stack.clients().s3().listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).keyCount();
    }
}
