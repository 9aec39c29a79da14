package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.ingest.IngestHandler;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.runtime.LocalContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One batch of five ingest messages, one of them poison, handed to the ingest handler as the event
 * source mapping would: the poison message is settled on its own and the other four are ingested.
 */
@ExtendWith(LocalStackExtension.class)
class PartialBatchIT {
    @TempDir
    Path dir;

    @Test
    void aPoisonMessageNeverFailsItsBatchMates(LocalStackExtension.Fixture fx) {
        String bucket = fx.stack().resources().bucketName("uploads");
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        List<String> assetIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String assetId = UUID.randomUUID().toString();
            // outside the notified prefix: only this test's batch announces these objects
            String key = "staging/" + assetId + "/batch " + i + ".png";
            Path picture = TestMedia.SAMPLES.picture(dir.resolve(i + ".png"), 400 + 10 * i, 300);
            var put = fx.stack().clients().s3().putObject(b -> b.bucket(bucket).key(key).contentType("image/png"), picture);
            records.add(record(fx, S3Events.objectCreated(bucket, key, put.eTag(), picture.toFile().length())));
            assetIds.add(AssetId.derivedFrom(bucket + "/" + key + "#etag=" + put.eTag().replace("\"", "")).value());
        }
        records.add(2, record(fx, "{\"this\": \"is not an S3 event\"}"));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        IngestHandler ingest = new IngestHandler(fx.stack().clients(), fx.stack().environmentOf("ingest"));
        SQSBatchResponse response = ingest.handleRequest(event, new LocalContext("ingest", 1024, 30));

        assertThat(response.getBatchItemFailures()).as("nothing to retry: the poison message is parked").isEmpty();
        AssetflowClient client = new AssetflowClient(fx.stack().apiEndpoint());
        for (String assetId : assetIds) {
            JsonNode asset = Uploads.settled(client, assetId);
            assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        }
    }

    private static SQSEvent.SQSMessage record(LocalStackExtension.Fixture fx, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("handle-" + message.getMessageId());
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn(fx.stack().resources().queueArn("ingest"));
        message.setAwsRegion("us-east-1");
        return message;
    }
}
