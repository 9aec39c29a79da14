package dev.assetflow.aws.video;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.TranscodeJobQueue;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkMessageCodec;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends a video's work message to the MediaConvert work queue of its priority, with SQS's DelaySeconds
 * (at most 900, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).
 */
public final class SqsTranscodeJobQueue implements TranscodeJobQueue {
    static final long MAX_DELAY_SECONDS = 900;
    private final SqsClient sqs;
    private final Map<Priority, String> queueUrls;

    public SqsTranscodeJobQueue(SqsClient sqs, Map<Priority, String> queueUrls) {
        this.sqs = sqs;
        this.queueUrls = Map.copyOf(queueUrls);
    }

    @Override
    public void send(WorkMessage work, Duration delay) {
        String url = queueUrls.get(work.route().queue());
        if (url == null) {
            throw new FailureException(Failure.of(FailureCategory.CONFIGURATION,
                    "there is no MediaConvert work queue for " + work.route().queue().label()));
        }
        int seconds = (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, delay.toSeconds()));
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(WorkMessageCodec.encode(work)).delaySeconds(seconds)
                    .messageAttributes(Map.of("assetId", SqsQueues.text(work.assetId()))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "SendMessage of the MediaConvert work of asset " + work.assetId());
        }
    }
}
