package dev.assetflow.aws.sqs;

import dev.assetflow.aws.SdkFailures;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

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
