package dev.assetflow.aws.video;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.ChunkDispatcher;
import dev.assetflow.domain.video.ChunkWork;
import dev.assetflow.domain.video.ChunkWorkCodec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends chunk messages in batches of ten, SQS's limit per SendMessageBatch
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html); an
 * entry SQS refuses fails the fan-out as TRANSIENT, and the video work message's retry sends again what
 * the ledger does not hold yet.
 */
public final class SqsChunkDispatcher implements ChunkDispatcher {
    private static final int BATCH = 10;
    private final SqsClient sqs;
    private final Map<Priority, String> queueUrls;

    public SqsChunkDispatcher(SqsClient sqs, Map<Priority, String> queueUrls) {
        this.sqs = sqs;
        this.queueUrls = Map.copyOf(queueUrls);
    }

    @Override
    public void dispatch(Priority priority, List<ChunkWork> parts) {
        String url = queueUrls.get(priority);
        if (url == null) {
            throw new FailureException(Failure.of(FailureCategory.CONFIGURATION, "there is no chunk queue for " + priority.label()));
        }
        for (int from = 0; from < parts.size(); from += BATCH) {
            List<ChunkWork> batch = parts.subList(from, Math.min(parts.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = batch.stream().map(part -> SendMessageBatchRequestEntry.builder()
                    .id(part.part().kind().name() + part.part().index())
                    .messageBody(ChunkWorkCodec.encode(part))
                    .messageAttributes(Map.of("assetId", SqsQueues.text(part.assetId()))).build()).toList();
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                if (!response.failed().isEmpty()) {
                    throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "SQS refused " + response.failed().size()
                            + " chunk messages: " + response.failed().get(0).message()));
                }
            } catch (SdkException e) {
                throw SdkFailures.translate(e, "SendMessageBatch of " + batch.size() + " chunks of asset " + batch.get(0).assetId());
            }
        }
    }
}
