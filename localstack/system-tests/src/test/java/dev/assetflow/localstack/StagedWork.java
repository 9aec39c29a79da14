package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.ingest.IngestHandler;
import dev.assetflow.localstack.runtime.LocalContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An asset taken through the real ingest handler whose work message goes to a private queue instead of
 * the work queue its rule names: the test then holds the work, and no worker of the running stack
 * picks it up. The original is put outside {@code uploads/}, so the bucket notification does not fire.
 */
final class StagedWork {

    private StagedWork() {
    }

    /** @param workQueueKey the work-queue key the routing rules choose for this file, e.g. {@code image/critical} */
    static String workMessageBody(LocalStackExtension.Fixture fx, Path file, String contentType, String workQueueKey) {
        String bucket = fx.stack().resources().bucketName("uploads");
        String key = "staging/" + UUID.randomUUID() + "/" + file.getFileName();
        var put = fx.stack().clients().s3().putObject(b -> b.bucket(bucket).key(key).contentType(contentType), file);
        String privateQueue = fx.stack().clients().sqs().createQueue(b -> b.queueName("staged-" + UUID.randomUUID())).queueUrl();
        Map<String, String> environment = new HashMap<>(fx.stack().environmentOf("ingest"));
        environment.put("WORK_QUEUES", "{\"" + workQueueKey + "\":\"" + privateQueue + "\"}");
        SQSEvent.SQSMessage notification = record(fx.stack().resources().queueArn("ingest"),
                S3Events.objectCreated(bucket, key, put.eTag(), file.toFile().length()));
        assertThat(new IngestHandler(fx.stack().clients(), environment).handleRequest(event(notification),
                new LocalContext("ingest", 1024, 30)).getBatchItemFailures()).isEmpty();
        List<Message> messages = fx.stack().clients().sqs().receiveMessage(b -> b.queueUrl(privateQueue).waitTimeSeconds(5)).messages();
        assertThat(messages).as("one work message for " + workQueueKey).hasSize(1);
        return messages.get(0).body();
    }

    static SQSEvent.SQSMessage record(String queueArn, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn(queueArn);
        return message;
    }

    static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }
}
