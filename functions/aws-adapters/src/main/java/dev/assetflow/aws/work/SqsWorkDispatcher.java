package dev.assetflow.aws.work;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.work.WorkDispatcher;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkMessageCodec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.TopologyLoader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Sends work to the SQS queue of its (kind, priority), as listed in the WORK_QUEUES environment variable. */
public final class SqsWorkDispatcher implements WorkDispatcher {
    private static final Set<String> CONSUMED_WORK = consumedWork();
    private final SqsClient sqs;
    private final Map<String, String> workQueueUrls;
    private final String reviewQueueUrl;

    /** @param workQueueUrls queue URL by {@code kind/priority[/transcoder]}, e.g. {@code image/critical} */
    public SqsWorkDispatcher(SqsClient sqs, Map<String, String> workQueueUrls, String reviewQueueUrl) {
        this.sqs = sqs;
        this.workQueueUrls = Map.copyOf(workQueueUrls);
        this.reviewQueueUrl = reviewQueueUrl;
    }

    @Override
    public Optional<WorkQueue> queueFor(MediaKind kind, Priority priority, String transcoder) {
        String key = QueueSpec.WorkSpec.key(kind.label(), priority.label(), transcoder);
        return Optional.ofNullable(workQueueUrls.get(key))
                .map(url -> new WorkQueue(url.substring(url.lastIndexOf('/') + 1), CONSUMED_WORK.contains(key)));
    }

    /** Which work queues have a consumer: the deployment was made from this same bundled topology. */
    private static Set<String> consumedWork() {
        return TopologyLoader.load().queues().values().stream()
                .filter(queue -> queue.work() != null && queue.consumer() != null)
                .map(queue -> queue.work().key())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void dispatch(WorkMessage message) {
        String key = QueueSpec.WorkSpec.key(message.kind(), message.route().queue().label(), message.route().transcoder());
        String url = workQueueUrls.get(key);
        if (url == null) {
            throw new FailureException(Failure.of(FailureCategory.CONFIGURATION,
                    "there is no work queue for " + key + " (known: " + workQueueUrls.keySet() + ")"));
        }
        send(url, message);
    }

    @Override
    public void sendToReview(WorkMessage message) {
        send(reviewQueueUrl, message);
    }

    private void send(String url, WorkMessage message) {
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(WorkMessageCodec.encode(message))
                    .messageAttributes(Map.of(
                            "assetId", SqsQueues.text(message.assetId()),
                            "kind", SqsQueues.text(message.kind()))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "SendMessage for asset " + message.assetId());
        }
    }
}
