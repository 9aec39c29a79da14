package dev.assetflow.aws.sqs;

import dev.assetflow.aws.clients.SdkFailures;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queue URLs from the ARNs an SQS record carries (eventSourceARN), looked up once per queue with
 * GetQueueUrl, so no function needs its own source queue's URL in its environment.
 */
public final class SqsQueues {
    private final SqsClient sqs;
    private final Map<String, String> urlByArn = new ConcurrentHashMap<>();

    public SqsQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** {@code arn:aws:sqs:region:account:name} → its name. */
    public static String nameOf(String queueArn) {
        return queueArn == null ? "" : queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    /** Visible plus in-flight messages: what an operator would call the queue's contents. */
    public static int depth(SqsClient sqs, String url) {
        Counts counts = counts(sqs, url);
        return counts.visible() + counts.inFlight();
    }

    /** A queue's approximate counts (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html). */
    public record Counts(int visible, int inFlight, int delayed) {}

    public static Counts counts(SqsClient sqs, String url) {
        try {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            return new Counts(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetQueueAttributes " + url);
        }
    }

    private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Integer.parseInt(attributes.getOrDefault(name, "0"));
    }

    /** A String message attribute, as filter policies and triage read them. */
    public static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    public String urlOf(String queueArn) {
        return urlByArn.computeIfAbsent(queueArn, arn -> {
            String[] parts = arn.split(":");
            if (parts.length < 6) {
                throw new IllegalArgumentException("not an SQS queue ARN: " + arn);
            }
            try {
                return sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
            } catch (SdkException e) {
                throw SdkFailures.translate(e, "GetQueueUrl " + parts[5]);
            }
        });
    }
}
