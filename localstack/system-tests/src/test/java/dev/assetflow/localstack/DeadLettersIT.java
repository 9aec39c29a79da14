package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.deadletter.DynamoFailureLog;
import dev.assetflow.aws.deadletter.DeadLetterQueue;
import dev.assetflow.aws.deadletter.DeadLetterRedrive;
import dev.assetflow.dlqtriage.DlqTriageHandler;
import dev.assetflow.domain.deadletter.FailedMessage;
import dev.assetflow.domain.json.Json;
import dev.assetflow.imageworker.ImageWorkerHandler;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.runtime.LocalContext;
import dev.assetflow.ops.deadletter.RedriveCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The way back for work that keeps failing: retries backed off on the message's own visibility and
 * recorded, SQS's redrive policy moving it to the DLQ, dlq-triage naming the failure and failing the
 * asset, and the redrive command putting it back, after which the asset reopens and ends READY. Each
 * test uses a queue pair of its own (same settings as the topology's, shorter timeouts), so the
 * running stack's workers never see its messages.
 */
@ExtendWith(LocalStackExtension.class)
class DeadLettersIT {
    private static final int MAX_RECEIVES = 2;

    @TempDir
    Path dir;

    @Test
    void workThatKeepsFailingIsTriagedThenRedrivenToReady(LocalStackExtension.Fixture fx) throws Exception {
        SqsClient sqs = fx.stack().clients().sqs();
        QueuePair queues = QueuePair.create(sqs, "image");
        String body = StagedWork.workMessageBody(fx, TestMedia.SAMPLES.picture(dir.resolve("dl.png"), 800, 600),
                "image/png", "image/critical");
        String assetId = Json.mapper().readTree(body).path("assetId").asText();
        sqs.sendMessage(b -> b.queueUrl(queues.sourceUrl()).messageBody(body));

        // S3 answers 503 to every download: each delivery fails as TRANSIENT and is backed off
        try (AwsClients s3Down = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(new S3Unavailable())))) {
            ImageWorkerHandler broken = new ImageWorkerHandler(s3Down, fx.stack().environmentOf("image-worker"));
            for (int delivery = 1; delivery <= MAX_RECEIVES; delivery++) {
                Message message = receiveOne(sqs, queues.sourceUrl());
                assertThat(message.attributesAsStrings()).containsEntry("ApproximateReceiveCount", Integer.toString(delivery));
                SQSBatchResponse response = broken.handleRequest(StagedWork.event(toRecord(message, queues.sourceArn())),
                        new LocalContext("image-worker", 1024, 60));
                assertThat(response.getBatchItemFailures()).hasSize(1);
                FailedMessage attempt = failureLog(fx).find(message.messageId()).orElseThrow();
                assertThat(attempt.status()).isEqualTo(FailedMessage.Status.RETRYING);
                assertThat(attempt.attempts()).isEqualTo(delivery);
                assertThat(attempt.lastFailure().category().name()).isEqualTo("TRANSIENT");
                assertThat(attempt.stage()).isEqualTo("image-worker");
            }
        }
        // once its backoff is over, the next receive finds the receive count spent: SQS moves it to the DLQ
        DeadLetterQueue dlq = new DeadLetterQueue(sqs, queues.sourceName(), queues.deadLetterUrl());
        for (int i = 0; i < 10 && dlq.approximateDepth() == 0; i++) {
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queues.sourceUrl()).waitTimeSeconds(1)).messages()).isEmpty();
        }
        assertThat(dlq.approximateDepth()).isEqualTo(1);

        DlqTriageHandler triage = triageOf(fx, queues);
        Map<String, Integer> first = triage.handleRequest(ScheduledEvents.of("arn:aws:events:us-east-1:123456789012:rule/t"), null);
        assertThat(first).containsEntry("triaged", 1).containsEntry("assetsFailed", 1).containsEntry("errors", 0);
        AssetflowClient api = new AssetflowClient(fx.stack().apiEndpoint());
        JsonNode failed = api.asset(assetId).body();
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/failure/category").asText()).isEqualTo("TRANSIENT");
        assertThat(failed.at("/failure/reason").asText()).contains("gave up after 2 deliveries", "503");
        fx.notifications().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(fx.notifications().count(assetId, "asset.failed")).isEqualTo(1);
        assertThat(dlq.approximateDepth()).as("triage never deletes a dead letter").isEqualTo(1);
        assertThat(dlq.receive(10, Duration.ofSeconds(1))).as("nor keeps it hidden: operators and redrive see it at once")
                .hasSize(1);

        Thread.sleep(1500); // past the 1 s this test's own read hid it for
        Map<String, Integer> second = triage.handleRequest(ScheduledEvents.of("arn:aws:events:us-east-1:123456789012:rule/t"), null);
        assertThat(second).containsEntry("received", 1).containsEntry("alreadyTriaged", 1).containsEntry("triaged", 0);

        String listing = redrive(fx, queues, "--list");
        assertThat(listing).contains("1 dead letters", "TRANSIENT", assetId, "gave up after 2 deliveries");
        String moved = redrive(fx, queues, "--category", "TRANSIENT");
        assertThat(moved).contains("1 redriven, 0 left in the DLQ, 0 could not be moved");
        assertThat(dlq.approximateDepth()).isZero();

        Message redriven = receiveOne(sqs, queues.sourceUrl());
        assertThat(redriven.body()).isEqualTo(body);
        SQSBatchResponse healthy = new ImageWorkerHandler(fx.stack().clients(), fx.stack().environmentOf("image-worker"))
                .handleRequest(StagedWork.event(toRecord(redriven, queues.sourceArn())), new LocalContext("image-worker", 1024, 60));
        assertThat(healthy.getBatchItemFailures()).isEmpty();
        JsonNode ready = api.asset(assetId).body();
        assertThat(ready.path("state").asText()).isEqualTo("READY");
        assertThat(ready.has("failure")).as("the reopened asset no longer carries its old failure").isFalse();
        assertThat(ready.path("history").findValuesAsText("to")).containsSubsequence("QUEUED", "FAILED", "QUEUED", "PROCESSING", "READY");
        fx.notifications().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(fx.notifications().count(assetId, "asset.ready")).isEqualTo(1);
    }

    @Test
    void theListingGroupsByCategoryAndARedriveMovesOnlyWhatItSelects(LocalStackExtension.Fixture fx) throws Exception {
        SqsClient sqs = fx.stack().clients().sqs();
        QueuePair queues = QueuePair.create(sqs, "select");
        for (String reason : List.of("the message is not JSON", "no assetId")) {
            sqs.sendMessage(b -> b.queueUrl(queues.deadLetterUrl()).messageBody("parked: " + reason).messageAttributes(Map.of(
                    "failureCategory", text("INVALID_MESSAGE"), "failureReason", text(reason), "sourceQueue", text(queues.sourceName()))));
        }
        sqs.sendMessage(b -> b.queueUrl(queues.deadLetterUrl()).messageBody("{\"crashed\":true}"));

        String listing = redrive(fx, queues, "--list");
        assertThat(listing).contains("3 dead letters").containsPattern("INTERNAL +1").containsPattern("INVALID_MESSAGE +2")
                .contains("not triaged yet", "the function crashed");
        assertThat(new DeadLetterQueue(sqs, queues.sourceName(), queues.deadLetterUrl()).approximateDepth())
                .as("listing puts every message back").isEqualTo(3);

        assertThat(redrive(fx, queues, "--category", "INTERNAL")).contains("1 redriven, 2 left in the DLQ");
        Message back = receiveOne(sqs, queues.sourceUrl());
        assertThat(back.body()).isEqualTo("{\"crashed\":true}");
        assertThat(back.messageAttributes()).containsKey("redriveOf");
        sqs.deleteMessage(b -> b.queueUrl(queues.sourceUrl()).receiptHandle(back.receiptHandle()));

        // moto answers StartMessageMoveTask with HTTP 500: the command says so and moves message by message
        assertThat(redrive(fx, queues, "--all", "--native")).contains("does not run SQS message move tasks", "2 redriven, 0 left");
        List<Message> rest = sqs.receiveMessage(b -> b.queueUrl(queues.sourceUrl()).maxNumberOfMessages(10).waitTimeSeconds(2)
                .messageAttributeNames("All")).messages();
        assertThat(rest).extracting(Message::body).containsExactlyInAnyOrder("parked: the message is not JSON", "parked: no assetId");
        assertThat(rest).allSatisfy(m -> assertThat(m.messageAttributes()).doesNotContainKeys("failureCategory", "failureReason"));
    }

    @Test
    void aRedriveMovesOnlyWhatWasDeadLetteredBeforeItStarted(LocalStackExtension.Fixture fx) throws Exception {
        SqsClient sqs = fx.stack().clients().sqs();
        QueuePair queues = QueuePair.create(sqs, "loop");
        sqs.sendMessage(b -> b.queueUrl(queues.deadLetterUrl()).messageBody("old dead letter"));
        Thread.sleep(1100); // SentTimestamp has millisecond resolution; keep the two clearly apart
        DeadLetterRedrive redrive = new DeadLetterRedrive(sqs, failureLog(fx), Clock.systemUTC());
        AtomicInteger arrivals = new AtomicInteger();

        // while the run goes on, a message fails again at once and is parked anew, as a poison message would be
        DeadLetterRedrive.Moved moved = redrive.redrive(new DeadLetterQueue(sqs, queues.sourceName(), queues.deadLetterUrl()),
                listed -> {
                    if (arrivals.getAndIncrement() == 0) {
                        sqs.sendMessage(b -> b.queueUrl(queues.deadLetterUrl()).messageBody("parked again during the run"));
                    }
                    return true;
                }, Integer.MAX_VALUE, listed -> { });

        assertThat(moved.moved()).isEqualTo(1);
        assertThat(receiveOne(sqs, queues.sourceUrl()).body()).isEqualTo("old dead letter");
        assertThat(new DeadLetterQueue(sqs, queues.sourceName(), queues.deadLetterUrl()).approximateDepth())
                .as("the newcomer waits for the next run").isEqualTo(1);
    }

    @Test
    void aSubscribersDeadLetterIsRecordedWithoutTouchingTheAsset(LocalStackExtension.Fixture fx) throws Exception {
        SqsClient sqs = fx.stack().clients().sqs();
        QueuePair queues = QueuePair.create(sqs, "subscriber");
        String body = StagedWork.workMessageBody(fx, TestMedia.SAMPLES.picture(dir.resolve("sub.png"), 320, 240),
                "image/png", "image/critical");
        String assetId = Json.mapper().readTree(body).path("assetId").asText();
        String event = "{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"asset.classified\",\"assetId\":\"" + assetId + "\"}";
        sqs.sendMessage(b -> b.queueUrl(queues.deadLetterUrl()).messageBody(event));

        Map<String, Integer> report = triageOf(fx, queues).handleRequest(ScheduledEvents.of("arn:aws:events:us-east-1:123456789012:rule/t"), null);

        assertThat(report).containsEntry("triaged", 1).containsEntry("assetsFailed", 0);
        assertThat(new AssetflowClient(fx.stack().apiEndpoint()).asset(assetId).body().path("state").asText()).isEqualTo("QUEUED");
    }

    private static DlqTriageHandler triageOf(LocalStackExtension.Fixture fx, QueuePair queues) {
        Map<String, String> environment = new HashMap<>(fx.stack().environmentOf("dlq-triage"));
        environment.put("DEAD_LETTER_QUEUE_URLS", "{\"" + queues.sourceName() + "\":\"" + queues.deadLetterUrl() + "\"}");
        environment.put("DEAD_LETTER_HIDE_SECONDS", "1");
        return new DlqTriageHandler(fx.stack().clients(), environment);
    }

    private static String redrive(LocalStackExtension.Fixture fx, QueuePair queues, String... selection) {
        List<String> args = new ArrayList<>(List.of("--endpoint", fx.stack().awsEndpoint().toString(),
                "--queue", queues.deadLetterUrl(), "--failures-table", fx.stack().resources().tableName("failures")));
        args.addAll(List.of(selection));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RedriveCommand.run(RedriveCommand.Arguments.parse(args.toArray(String[]::new)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DynamoFailureLog failureLog(LocalStackExtension.Fixture fx) {
        return new DynamoFailureLog(fx.stack().clients().dynamoDb(), fx.stack().resources().tableName("failures"));
    }

    private static Message receiveOne(SqsClient sqs, String url) {
        for (int i = 0; i < 10; i++) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("no message arrived on " + url);
    }

    /** The record Lambda's event source mapping makes of a received message. */
    private static SQSEvent.SQSMessage toRecord(Message message, String queueArn) {
        SQSEvent.SQSMessage record = StagedWork.record(queueArn, message.body());
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setAttributes(message.attributesAsStrings());
        return record;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** A source queue and its DLQ, with the topology's redrive settings but a 1 s visibility timeout. */
    private record QueuePair(String sourceName, String sourceUrl, String sourceArn, String deadLetterUrl) {
        static QueuePair create(SqsClient sqs, String label) {
            String name = "dl-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
            String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
            String dlqArn = arn(sqs, dlqUrl);
            String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + MAX_RECEIVES + "}")))
                    .queueUrl();
            return new QueuePair(name, url, arn(sqs, url), dlqUrl);
        }

        private static String arn(SqsClient sqs, String url) {
            return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        }
    }

    /** Every S3 download answers 503 Slow Down, as S3 does under load. */
    private static final class S3Unavailable implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof GetObjectRequest) {
                throw AwsServiceException.builder().message("Slow Down (503, injected by DeadLettersIT)").statusCode(503).build();
            }
        }
    }
}
