package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Bad input is data: each bad file ends in a categorised state with a readable reason, its original
 * stays, and exactly one terminal event is announced; a poison message lands in the DLQ with its reason.
 */
@ExtendWith(LocalStackExtension.class)
class BadInputIT {
    @TempDir
    Path dir;

    @Test
    void aTextFileNamedPngIsQuarantinedAsATypeMismatch(LocalStackExtension.Fixture fx) {
        JsonNode asset = uploadAndSettle(fx, "notes.png", "image/png", SampleMedia.text(dir.resolve("notes"), "not a picture\n"));
        assertOutcome(fx, asset, "QUARANTINED", "TYPE_MISMATCH", "asset.quarantined");
        assertThat(asset.path("failure").path("reason").asText()).contains("notes.png", "image/png", "text/plain");
        assertThat(asset.path("detectedType").asText()).isEqualTo("text/plain");
        assertThat(reviewMessageFor(fx, asset.path("assetId").asText())).isTrue();
    }

    @Test
    void anEmptyFileFails(LocalStackExtension.Fixture fx) throws Exception {
        JsonNode asset = uploadAndSettle(fx, "empty.png", "image/png", Files.write(dir.resolve("empty"), new byte[0]));
        assertOutcome(fx, asset, "FAILED", "EMPTY_FILE", "asset.failed");
    }

    @Test
    void anArchiveIsQuarantinedAsUnsupported(LocalStackExtension.Fixture fx) {
        JsonNode asset = uploadAndSettle(fx, "bundle.zip", "application/octet-stream", SampleMedia.zip(dir.resolve("bundle.zip")));
        assertOutcome(fx, asset, "QUARANTINED", "UNSUPPORTED_TYPE", "asset.quarantined");
        assertThat(asset.path("detectedType").asText()).isEqualTo("application/zip");
    }

    @Test
    void aTruncatedPictureFailsAsCorruptMedia(LocalStackExtension.Fixture fx) {
        Path whole = TestMedia.SAMPLES.picture(dir.resolve("whole.png"), 800, 600);
        JsonNode asset = uploadAndSettle(fx, "broken.png", "image/png", SampleMedia.truncated(whole, dir.resolve("broken"), 2048));
        assertOutcome(fx, asset, "FAILED", "CORRUPT_MEDIA", "asset.failed");
        assertThat(ImagePipelineIT.states(asset.path("history"))).containsExactly(
                "RECEIVED", "CLASSIFIED", "QUEUED", "PROCESSING", "FAILED");
    }

    @Test
    void aFileNameWithPathTricksStaysInItsFolder(LocalStackExtension.Fixture fx) {
        Path picture = TestMedia.SAMPLES.picture(dir.resolve("p.png"), 400, 300);
        JsonNode asset = uploadAndSettle(fx, "../../etc/ü +x.png", "image/png", picture);
        assertThat(asset.path("state").asText()).isEqualTo("READY");
        assertThat(asset.path("original").path("key").asText()).isEqualTo("uploads/" + asset.path("assetId").asText() + "/ü +x.png");
    }

    @Test
    void aMessageThatIsNotJsonIsParkedInTheDeadLetterQueueWithItsReason(LocalStackExtension.Fixture fx) throws Exception {
        String ingest = fx.stack().resources().queueUrl("ingest");
        String body = "poison " + System.nanoTime();
        fx.stack().clients().sqs().sendMessage(b -> b.queueUrl(ingest).messageBody(body));
        ImagePipelineIT.awaitDrained(fx, ingest);

        Message parked = findInDeadLetterQueue(fx, "ingest", body);
        assertThat(parked.messageAttributes().get("failureCategory").stringValue()).isEqualTo("INVALID_MESSAGE");
        assertThat(parked.messageAttributes().get("failureReason").stringValue()).contains("not JSON");
        assertThat(parked.messageAttributes().get("sourceQueue").stringValue()).endsWith("-ingest");
    }

    private JsonNode uploadAndSettle(LocalStackExtension.Fixture fx, String name, String type, Path file) {
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        return Uploads.settled(client, Uploads.upload(client, name, type, file));
    }

    static void assertOutcome(LocalStackExtension.Fixture fx, JsonNode asset, String state, String category, String event) {
        String assetId = asset.path("assetId").asText();
        assertThat(asset.path("state").asText()).isEqualTo(state);
        assertThat(asset.path("failure").path("category").asText()).isEqualTo(category);
        assertThat(asset.path("failure").path("reason").asText()).isNotBlank();
        assertThat(asset.path("renditions")).isEmpty();
        assertThat(ImagePipelineIT.originalExists(fx, asset)).as("the original is kept").isTrue();
        fx.notifications().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        List<JsonNode> events = fx.notifications().eventsFor(assetId);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("type").asText()).isEqualTo(event);
        assertThat(events.get(0).path("failureCategory").asText()).isEqualTo(category);
        assertThat(events.get(0).path("reason").asText()).isEqualTo(asset.path("failure").path("reason").asText());
    }

    private static boolean reviewMessageFor(LocalStackExtension.Fixture fx, String assetId) {
        String review = fx.stack().resources().queueUrl("review");
        for (int i = 0; i < 10; i++) {
            for (Message m : fx.stack().clients().sqs().receiveMessage(b -> b.queueUrl(review).maxNumberOfMessages(10)
                    .visibilityTimeout(0).messageAttributeNames("All")).messages()) {
                if (m.body().contains(assetId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a DLQ holds now (received without hiding it). */
    static List<Message> deadLetters(LocalStackExtension.Fixture fx, String queue) {
        String dlq = fx.stack().resources().deadLetterQueueUrl(queue);
        Map<String, Message> seen = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            fx.stack().clients().sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(0).messageAttributeNames("All")).messages().forEach(m -> seen.put(m.messageId(), m));
        }
        return List.copyOf(seen.values());
    }

    static Message findInDeadLetterQueue(LocalStackExtension.Fixture fx, String queue, String body) {
        String dlq = fx.stack().resources().deadLetterQueueUrl(queue);
        for (int i = 0; i < 20; i++) {
            for (Message m : fx.stack().clients().sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(0).messageAttributeNames("All")).messages()) {
                if (m.body().equals(body)) {
                    return m;
                }
            }
        }
        throw new AssertionError("the message '" + body + "' is not in " + dlq);
    }
}
