package dev.assetflow.runtime.retry;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.failure.RetryPolicy;
import dev.assetflow.domain.deadletter.FailureLog;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import dev.assetflow.aws.sqs.SqsQueues;
/**
 * Retries a failed message later rather than at the end of its queue's visibility timeout: records
 * the attempt in the failure log, then sets the message's own visibility to a full-jitter backoff
 * delay (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html#changing-message-visibility-timeout).
 * When the queue's maxReceiveCount is reached SQS moves it to the DLQ, where triage finds the
 * record. Neither step may lose the message: if either call fails, the message simply comes back at
 * the end of its current visibility timeout.
 */
public final class VisibilityBackoff implements RetryScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(VisibilityBackoff.class);

    private final SqsClient sqs;
    private final SqsQueues queues;
    private final FailureLog failures;
    private final RetryPolicy policy;
    private final String stage;
    private final DoubleSupplier random;
    private final Clock clock;

    public VisibilityBackoff(SqsClient sqs, FailureLog failures, RetryPolicy policy, String stage,
            DoubleSupplier random, Clock clock) {
        this.sqs = sqs;
        this.queues = new SqsQueues(sqs);
        this.failures = failures;
        this.policy = policy;
        this.stage = stage;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public void retryLater(SQSMessage message, Failure failure) {
        int attempt = receiveCount(message);
        try {
            failures.recordAttempt(message.getMessageId(), SqsQueues.nameOf(message.getEventSourceArn()), stage,
                    failure, attempt, clock.instant());
        } catch (FailureException e) {
            LOG.warn("could not record attempt {} of message {}: {}", attempt, message.getMessageId(), e.failure());
        }
        int delay = policy.delaySeconds(attempt, random);
        try {
            String url = queues.urlOf(message.getEventSourceArn());
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.getReceiptHandle())
                    .visibilityTimeout(delay));
            LOG.info("message {} retried in {} s (attempt {}, ceiling {} s)", message.getMessageId(), delay, attempt,
                    policy.ceiling(attempt).toSeconds());
        } catch (SdkException | FailureException | IllegalArgumentException e) {
            LOG.warn("could not set the backoff of message {}; it returns after its visibility timeout: {}",
                    message.getMessageId(), e.toString());
        }
    }

    private static int receiveCount(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
