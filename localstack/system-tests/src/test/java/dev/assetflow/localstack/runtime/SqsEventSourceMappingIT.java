package dev.assetflow.localstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.LocalStackExtension;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local event source mapping behaves like Lambda's, against real SQS semantics on moto. */
@ExtendWith(LocalStackExtension.class)
class SqsEventSourceMappingIT {
    private static final FunctionSpec FUNCTION = new FunctionSpec(RecordingHandler.class.getName(), "test", 128, 30, null,
            List.of(), null, Map.of());

    @BeforeEach
    void reset() {
        RecordingHandler.reset();
    }

    @Test
    void deliversRealRecordsInBatchesWithinTheConcurrencyLimitAndDeletesWhatSucceeded(LocalStackExtension.Fixture fx) {
        SqsClient sqs = fx.stack().clients().sqs();
        Queue queue = queue(sqs, 30, 3);
        for (int i = 0; i < 12; i++) {
            String body = "ok-" + i;
            sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody(body)
                    .messageAttributes(Map.of("origin", MessageAttributeValue.builder()
                            .dataType("String").stringValue("test").build())));
        }
        try (SqsEventSourceMapping mapping = mapping(fx, queue, 3, 2)) {
            await(() -> RecordingHandler.RECEIVED.size() >= 12, "all 12 messages delivered");
            await(() -> visibleAndInFlight(sqs, queue.url()) == 0, "the queue drained");
        }
        assertThat(RecordingHandler.BATCH_SIZES).allSatisfy(size -> assertThat(size).isBetween(1, 3));
        assertThat(RecordingHandler.MAX_RUNNING.get()).isBetween(1, 2);
        assertThat(RecordingHandler.INSTANCES.get()).as("one warm instance per concurrent execution environment")
                .isBetween(1, 2);
        SQSEvent.SQSMessage record = RecordingHandler.RECEIVED.get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo(queue.arn());
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp");
        assertThat(record.getMessageAttributes().get("origin").getStringValue()).isEqualTo("test");
        assertThat(RecordingHandler.DELIVERIES.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void aReportedFailureComesBackAfterItsVisibilityTimeoutUntilRedriveMovesItToTheDlq(LocalStackExtension.Fixture fx) {
        SqsClient sqs = fx.stack().clients().sqs();
        Queue queue = queue(sqs, 1, 2);
        sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody("fail-always"));
        sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody("ok-mate"));
        try (SqsEventSourceMapping mapping = mapping(fx, queue, 10, 1)) {
            await(() -> dlqDepth(sqs, queue.dlqUrl()) == 1, "the failing message reached the DLQ");
        }
        assertThat(RecordingHandler.DELIVERIES.get("fail-always").get()).isEqualTo(2);
        assertThat(RecordingHandler.DELIVERIES.get("ok-mate").get()).isEqualTo(1);
    }

    @Test
    void aCrashedInvocationLeavesItsWholeBatchForRetry(LocalStackExtension.Fixture fx) {
        SqsClient sqs = fx.stack().clients().sqs();
        Queue queue = queue(sqs, 1, 3);
        sqs.sendMessageBatch(b -> b.queueUrl(queue.url()).entries(
                e -> e.id("1").messageBody("crash-first"), e -> e.id("2").messageBody("innocent-a"),
                e -> e.id("3").messageBody("innocent-b"), e -> e.id("4").messageBody("innocent-c")));
        try (SqsEventSourceMapping mapping = mapping(fx, queue, 10, 1)) {
            await(() -> dlqDepth(sqs, queue.dlqUrl()) >= 1 && visibleAndInFlight(sqs, queue.url()) == 0,
                    "the crashing message reached the DLQ and the queue drained");
        }
        assertThat(RecordingHandler.CRASHED_BATCHES).isNotEmpty();
        for (List<String> batch : RecordingHandler.CRASHED_BATCHES) {
            for (String body : batch) {
                assertThat(RecordingHandler.DELIVERIES.get(body).get())
                        .as("%s was in a crashed batch %s, so it must have come back", body, batch).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(RecordingHandler.DELIVERIES.get("crash-first").get()).isEqualTo(3);
    }

    private record Queue(String url, String arn, String dlqUrl) {}

    private static Queue queue(SqsClient sqs, int visibilitySeconds, int maxReceiveCount) {
        String name = "esm-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilitySeconds),
                QueueAttributeName.REDRIVE_POLICY, Json.write(Map.of("deadLetterTargetArn", arn(sqs, dlq), "maxReceiveCount", maxReceiveCount)))))
                .queueUrl();
        return new Queue(url, arn(sqs, url), dlq);
    }

    private static SqsEventSourceMapping mapping(LocalStackExtension.Fixture fx, Queue queue, int batchSize, int maxConcurrency) {
        FunctionHost<SQSEvent> host = new FunctionHost<>("recording", FUNCTION, RecordingHandler.ENTRY, fx.stack().clients(), Map.of());
        return new SqsEventSourceMapping(fx.stack().clients().sqs(), queue.url(), queue.arn(), "us-east-1",
                new QueueSpec.ConsumerSpec("recording", batchSize, maxConcurrency), host, () -> true).start();
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static int visibleAndInFlight(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static int dlqDepth(SqsClient sqs, String url) {
        return visibleAndInFlight(sqs, url);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
