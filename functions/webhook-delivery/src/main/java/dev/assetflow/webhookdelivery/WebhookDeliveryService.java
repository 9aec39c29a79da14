package dev.assetflow.webhookdelivery;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.aws.webhook.DynamoDeliveryLog;
import dev.assetflow.aws.webhook.SigningSecret;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.failure.RetryPolicy;
import dev.assetflow.domain.webhook.RetrySchedule;
import dev.assetflow.domain.webhook.WebhookDelivery;
import dev.assetflow.domain.webhook.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each record of a webhook's queue: delivered ({@link WebhookDelivery}) and deleted; or hidden for its backoff
 * (ChangeMessageVisibility, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html)
 * and reported as a batch item failure, so SQS hands it back when the backoff ends; or parked in the queue's DLQ with
 * its failure (permanent, or past the deadline) and deleted. A failure of this function's own dependencies (the
 * deliveries table, the secret) leaves the record to come back after its visibility timeout. Nothing is lost: a
 * record leaves its queue only delivered or parked.
 */
final class WebhookDeliveryService {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryService.class);
    /** The message attribute {@code ./scripts/webhooks replay} sets on what it sends again. */
    static final String REPLAY_ATTRIBUTE = "replay";

    private final WebhookDelivery delivery;
    private final MessageParking parking;
    private final SqsClient sqs;
    private final SqsQueues queues;

    WebhookDeliveryService(WebhookDelivery delivery, MessageParking parking, SqsClient sqs) {
        this.delivery = delivery;
        this.parking = parking;
        this.sqs = sqs;
        this.queues = new SqsQueues(sqs);
    }

    static WebhookDeliveryService wire(AwsClients clients, WebhookDeliveryConfig config) {
        Clock clock = Clock.systemUTC();
        HttpEndpoint endpoint = new HttpEndpoint(config.url(), config.allowPrivateAddresses(), config.connectTimeout(),
                config.readTimeout(), WebhookDeliveryService::traceHeader);
        WebhookDelivery delivery = new WebhookDelivery(config.name(), endpoint,
                new SigningSecret(clients.secretsManager(), config.secretArn(), clock),
                new DynamoDeliveryLog(clients.dynamoDb(), config.deliveriesTable()),
                new RetrySchedule(new RetryPolicy(config.retryBase(), config.retryMax()), config.deadline()), clock,
                () -> ThreadLocalRandom.current().nextDouble());
        return new WebhookDeliveryService(delivery, new DeadLetterParking(clients.sqs(), config.deadLetterQueueUrls()), clients.sqs());
    }

    SQSBatchResponse deliver(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : event.getRecords() == null ? List.<SQSMessage>of() : event.getRecords()) {
            MDC.put("messageId", message.getMessageId());
            try {
                if (!handled(message)) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            } catch (FailureException e) {
                LOG.warn("delivery of message {} failed in this function: {}; it comes back after its visibility timeout",
                        message.getMessageId(), e.failure());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            } finally {
                MDC.clear();
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** @return whether the record is done with (delivered or parked): false leaves it on its queue */
    private boolean handled(SQSMessage message) {
        Optional<WebhookEvent> parsed = WebhookEvent.parse(message.getBody(), replay(message));
        if (parsed.isEmpty()) {
            parking.park(message.getEventSourceArn(), message.getBody(),
                    Failure.of(FailureCategory.INVALID_MESSAGE, "not an asset event (no eventId and type): never sent"));
            return true;
        }
        WebhookEvent event = parsed.get();
        if (event.assetId() != null) {
            MDC.put("assetId", event.assetId()); // the correlation id of every log line about this asset
        }
        MDC.put("eventId", event.eventId());
        return switch (delivery.deliver(event, queuedAt(message))) {
            case WebhookDelivery.Delivered delivered -> {
                LOG.info("{} delivered to the endpoint (HTTP {}, attempt {}{})", event.type(), delivered.record().lastStatus(),
                        delivered.record().attempts(), event.replay() ? ", a replay" : "");
                yield true;
            }
            case WebhookDelivery.AlreadyDelivered already -> {
                LOG.info("{} was delivered before (attempt {}): not sent again", event.type(), already.record().attempts());
                yield true;
            }
            case WebhookDelivery.RetryIn retry -> {
                LOG.warn("{} not delivered (attempt {}: {}); again in {} s", event.type(), retry.record().attempts(),
                        retry.record().lastError(), retry.seconds());
                hide(message, retry.seconds());
                yield false;
            }
            case WebhookDelivery.DeadLetter dead -> {
                LOG.warn("{} dead-lettered: {}", event.type(), dead.failure());
                parking.park(message.getEventSourceArn(), message.getBody(), dead.failure());
                yield true;
            }
        };
    }

    private void hide(SQSMessage message, int seconds) {
        try {
            String url = queues.urlOf(message.getEventSourceArn());
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.getReceiptHandle()).visibilityTimeout(seconds));
        } catch (SdkException | FailureException e) {
            LOG.warn("could not set the backoff of message {}; it returns after its visibility timeout: {}", message.getMessageId(), e.toString());
        }
    }

    private static boolean replay(SQSMessage message) {
        SQSEvent.MessageAttribute replay = message.getMessageAttributes() == null ? null : message.getMessageAttributes().get(REPLAY_ATTRIBUTE);
        return replay != null && "true".equals(replay.getStringValue());
    }

    /** When SQS accepted the message (SentTimestamp): the deadline counts from there. */
    private static Instant queuedAt(SQSMessage message) {
        String sent = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
        try {
            return sent == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    /**
     * The X-Ray trace header of this invocation: the Java runtime sets it as a system property per invocation
     * (https://docs.aws.amazon.com/lambda/latest/dg/java-tracing.html), Lambda's environment variable otherwise.
     */
    private static Optional<String> traceHeader() {
        String property = System.getProperty("com.amazonaws.xray.traceHeader");
        return Optional.ofNullable(property != null ? property : System.getenv("_X_AMZN_TRACE_ID")).filter(t -> !t.isBlank());
    }
}
