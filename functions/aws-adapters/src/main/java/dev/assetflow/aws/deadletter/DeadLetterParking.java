package dev.assetflow.aws.deadletter;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.deadletter.DeadLetterTriage;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import dev.assetflow.aws.sqs.SqsQueues;
/**
 * {@link MessageParking} on SQS: the failure category, reason and source queue travel as message
 * attributes, which dlq-triage and the redrive command read.
 */
public final class DeadLetterParking implements MessageParking {
    private final SqsClient sqs;
    private final Map<String, String> deadLetterUrlBySourceQueueName;

    public DeadLetterParking(SqsClient sqs, Map<String, String> deadLetterUrlBySourceQueueName) {
        this.sqs = sqs;
        this.deadLetterUrlBySourceQueueName = Map.copyOf(deadLetterUrlBySourceQueueName);
    }

    /** @param sourceQueueArn the record's eventSourceARN; its last segment is the queue name */
    @Override
    public void park(String sourceQueueArn, String body, Failure failure) {
        String queueName = SqsQueues.nameOf(sourceQueueArn);
        String url = deadLetterUrlBySourceQueueName.get(queueName);
        if (url == null) {
            throw new FailureException(Failure.of(FailureCategory.CONFIGURATION,
                    "no dead-letter queue is configured for source queue '" + queueName + "'"));
        }
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body.isEmpty() ? "(empty message body)" : body)
                    .messageAttributes(Map.of(
                            DeadLetterTriage.CATEGORY_ATTRIBUTE, SqsQueues.text(failure.category().name()),
                            DeadLetterTriage.REASON_ATTRIBUTE, SqsQueues.text(truncate(failure.reason())),
                            DeadLetterTriage.SOURCE_QUEUE_ATTRIBUTE, SqsQueues.text(queueName))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "park message in " + url);
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000) + "…";
    }
}
