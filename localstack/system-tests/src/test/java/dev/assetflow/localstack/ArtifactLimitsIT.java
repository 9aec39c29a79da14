package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.lambda.ArtifactFunction;
import dev.assetflow.topology.DeployableArtifacts;
import dev.assetflow.topology.FunctionSpec;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed audio worker's artifact, given less /tmp than the job needs: the limit is checked before
 * the download, and the asset ends FAILED with a LIMIT_EXCEEDED reason instead of a full disk.
 */
@ExtendWith(LocalStackExtension.class)
class ArtifactLimitsIT {

    @Test
    void aJobThatWouldOverflowTheFunctionsTmpFailsTheAssetWithLimitExceeded(LocalStackExtension.Fixture fx, @TempDir Path dir)
            throws Exception {
        Path wav = TestMedia.SAMPLES.audio(dir.resolve("long.wav"), 20);
        String work = StagedWork.workMessageBody(fx, wav, "audio/wav", "audio/standard");
        String assetId = Json.mapper().readTree(work).path("assetId").asText();
        FunctionSpec deployed = fx.stack().topology().function("audio-worker");
        FunctionSpec smallTmp = new FunctionSpec(deployed.handler(), deployed.module(), deployed.memoryMb(), deployed.timeoutSeconds(),
                1, deployed.http(), deployed.schedule(), deployed.environment());
        try (ArtifactFunction worker = ArtifactFunction.deploy("audio-worker-small-tmp", smallTmp,
                fx.stack().environmentOf("audio-worker"), DeployableArtifacts.locate().of(deployed),
                Path.of("target", "lambda-limits"), "us-east-1")) {
            String response = worker.invoke(sqsEvent(fx.stack().resources().queueArn("audio-standard"), work));

            assertThat(Json.mapper().readTree(response).path("batchItemFailures")).as("settled, not retried").isEmpty();
        }
        JsonNode asset = new AssetflowClient(fx.stack().apiEndpoint()).asset(assetId).body();
        assertThat(asset.path("state").asText()).isEqualTo("FAILED");
        assertThat(asset.at("/failure/category").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(asset.at("/failure/reason").asText()).contains("temp space", "1 MiB are available");
    }

    private static String sqsEvent(String queueArn, String body) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("messageId", UUID.randomUUID().toString());
        record.put("receiptHandle", "staged");
        record.put("body", body);
        record.putObject("attributes").put("ApproximateReceiveCount", "1")
                .put("SentTimestamp", Long.toString(System.currentTimeMillis()));
        record.putObject("messageAttributes");
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", "us-east-1");
        ObjectNode event = Json.mapper().createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }
}
