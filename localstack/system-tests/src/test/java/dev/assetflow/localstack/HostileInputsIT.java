package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.fixtures.SampleDocuments;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Corrupt, hostile and mislabelled files through the whole pipeline (upload API, S3, ingest, the
 * workers), and bad queue messages: each ends with its state and category, the original is kept, one
 * terminal event is announced, and nothing else in the stack notices. (BadInputIT, UploadApiIT and
 * PartialBatchIT hold the rest of the list: empty, text as PNG, archive, truncated picture, path
 * tricks, non-JSON ingest message, refused uploads, poison in a batch.)
 */
@ExtendWith(LocalStackExtension.class)
class HostileInputsIT {
    @TempDir
    static Path dir;

    record Case(String fileName, String contentType, Function<Path, Path> file, String state, String category) {
        @Override
        public String toString() {
            return fileName + " → " + state + (category == null ? "" : " " + category);
        }
    }

    static Stream<Arguments> files() {
        SampleMedia media = TestMedia.SAMPLES;
        return Stream.of(
                new Case("random.png", "image/png", d -> SampleMedia.randomBytes(d.resolve("random.bin"), 8192, 3),
                        "QUARANTINED", "TYPE_MISMATCH"),
                new Case("random.bin", "application/octet-stream", d -> SampleMedia.randomBytes(d.resolve("random2.bin"), 8192, 4),
                        "QUARANTINED", "UNSUPPORTED_TYPE"),
                new Case("bomb.png", "image/png", d -> SampleMedia.pngClaiming(d.resolve("bomb.png"), 60000, 60000),
                        "FAILED", "LIMIT_EXCEEDED"),
                new Case("logo.svg", "application/octet-stream", d -> SampleMedia.svgWithExternalEntity(d.resolve("xxe.svg")),
                        "QUARANTINED", "UNSUPPORTED_TYPE"),
                new Case("logo.png", "image/png", d -> SampleMedia.svgWithExternalEntity(d.resolve("xxe2.svg")),
                        "QUARANTINED", "TYPE_MISMATCH"),
                new Case("broken.pdf", "application/pdf", d -> SampleDocuments.brokenPdf(d.resolve("broken.pdf")),
                        "FAILED", "CORRUPT_MEDIA"),
                new Case("cut.mp4", "video/mp4", d -> SampleMedia.truncated(media.video(d.resolve("whole.mp4"), 2, 320, 240, 1, 0),
                        d.resolve("cut.mp4"), 20_000), "FAILED", "CORRUPT_MEDIA"),
                new Case("report.png", "image/png", d -> SampleDocuments.pdf(d.resolve("report.pdf"), 2), "READY", null),
                new Case("picture.mp4", "video/mp4", d -> media.picture(d.resolve("picture.png"), 640, 480), "READY", null),
                new Case("Ünïcödé photo (1) + more.jpg", "image/jpeg", d -> media.picture(d.resolve("u.jpg"), 500, 400), "READY", null),
                new Case("....png", "image/png", d -> media.picture(d.resolve("dots.png"), 300, 300), "READY", null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileEndsWithItsOutcomeAndTheOriginalStays(Case c, LocalStackExtension.Fixture fx) throws Exception {
        Path file = c.file().apply(Files.createDirectories(dir.resolve(UUID.randomUUID().toString())));
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        JsonNode asset = Uploads.settled(client, Uploads.upload(client, c.fileName(), c.contentType(), file));
        if (c.category() == null) {
            assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo(c.state());
            assertThat(asset.path("renditions")).isNotEmpty();
            assertThat(ImagePipelineIT.originalExists(fx, asset)).isTrue();
        } else {
            BadInputIT.assertOutcome(fx, asset, c.state(), c.category(),
                    c.state().equals("FAILED") ? "asset.failed" : "asset.quarantined");
        }
    }

    @Test
    void aWorkMessageOfTheWrongShapeIsParkedWithItsReason(LocalStackExtension.Fixture fx) throws Exception {
        String body = "{\"assetId\":\"" + UUID.randomUUID() + "\",\"unexpected\":" + System.nanoTime() + "}";
        assertParked(fx, "image-critical", body, "INVALID_MESSAGE", "");
    }

    @Test
    void workForAnAssetThatDoesNotExistIsParkedWithItsReason(LocalStackExtension.Fixture fx) throws Exception {
        String assetId = UUID.randomUUID().toString();
        String body = StagedWork.workMessageBody(fx, TestMedia.SAMPLES.picture(dir.resolve("ghost.png"), 200, 200),
                "image/png", "image/critical").replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", assetId);
        assertParked(fx, "image-critical", body, "INVALID_MESSAGE", "does not exist");
    }

    @Test
    void anS3TestEventIsAcknowledgedAndParksNothing(LocalStackExtension.Fixture fx) throws Exception {
        String ingest = fx.stack().resources().queueUrl("ingest");
        String marker = "arn:aws:s3:::test-" + UUID.randomUUID();
        fx.stack().clients().sqs().sendMessage(b -> b.queueUrl(ingest).messageBody(
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-25T10:00:00.000Z\",\"Bucket\":\"" + marker + "\"}"));
        ImagePipelineIT.awaitDrained(fx, ingest);
        assertThat(BadInputIT.deadLetters(fx, "ingest")).noneMatch(m -> m.body().contains(marker));
    }

    private static void assertParked(LocalStackExtension.Fixture fx, String queue, String body, String category, String reason)
            throws Exception {
        String url = fx.stack().resources().queueUrl(queue);
        fx.stack().clients().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
        ImagePipelineIT.awaitDrained(fx, url);
        Message parked = BadInputIT.findInDeadLetterQueue(fx, queue, body);
        assertThat(parked.messageAttributes().get("failureCategory").stringValue()).isEqualTo(category);
        assertThat(parked.messageAttributes().get("failureReason").stringValue()).contains(reason);
        fx.notifications().collectUntilQuiet(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }
}
