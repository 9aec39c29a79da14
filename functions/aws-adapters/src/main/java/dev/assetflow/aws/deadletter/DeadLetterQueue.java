package dev.assetflow.aws.deadletter;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.deadletter.DeadLetterInbox;
import dev.assetflow.domain.deadletter.DeadLetterTriage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import dev.assetflow.aws.sqs.SqsQueues;
/**
 * One dead-letter queue, read the way triage and redrive need it: receiving hides a message for a
 * while but never removes it; only {@link #delete} does, once the message is safe elsewhere.
 */
public final class DeadLetterQueue implements DeadLetterInbox {
    /** SQS sets it on a message its redrive policy moved (AWS; moto does not). */
    private static final String SOURCE_ARN = "DeadLetterQueueSourceArn";

    private final SqsClient sqs;
    private final String sourceQueue;
    private final String url;

    /** @param sourceQueue the physical name of the queue whose DLQ this is */
    public DeadLetterQueue(SqsClient sqs, String sourceQueue, String url) {
        this.sqs = sqs;
        this.sourceQueue = sourceQueue;
        this.url = url;
    }

    /** A received dead letter: what triage reads, plus what it takes to release or delete it. */
    public record Received(DeadLetterTriage.DeadLetter letter, String receiptHandle, Message message)
            implements DeadLetterInbox.Received {}

    public String sourceQueue() {
        return sourceQueue;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int approximateDepth() {
        return SqsQueues.depth(sqs, url);
    }

    /** Up to 10 messages, hidden from other readers for {@code hideFor}; long-polls for a second. */
    @Override
    public List<Received> receive(int max, Duration hideFor) {
        try {
            return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max).waitTimeSeconds(1)
                            .visibilityTimeout((int) hideFor.toSeconds())
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All"))
                    .messages().stream().map(this::received).toList();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "ReceiveMessage " + url);
        }
    }

    /** Makes messages visible again at once, for the next reader (ChangeMessageVisibilityBatch, 10 a call). */
    @Override
    public void release(List<? extends DeadLetterInbox.Received> received) {
        for (int from = 0; from < received.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (DeadLetterInbox.Received one : received.subList(from, Math.min(from + 10, received.size()))) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .receiptHandle(one.receiptHandle()).visibilityTimeout(0).build());
            }
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries));
            } catch (SdkException e) {
                throw SdkFailures.translate(e, "ChangeMessageVisibilityBatch " + url);
            }
        }
    }

    public void delete(Received received) {
        try {
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle()));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "DeleteMessage " + url);
        }
    }

    private Received received(Message message) {
        Map<String, String> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            if (value.stringValue() != null) {
                attributes.put(name, value.stringValue());
            }
        });
        String source = attributes.getOrDefault(DeadLetterTriage.SOURCE_QUEUE_ATTRIBUTE,
                SqsQueues.nameOf(message.attributesAsStrings().getOrDefault(SOURCE_ARN, sourceQueue)));
        String sent = message.attributesAsStrings().get(MessageSystemAttributeName.SENT_TIMESTAMP.toString());
        Instant sentAt = sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
        return new Received(new DeadLetterTriage.DeadLetter(message.messageId(), source, message.body(), attributes, sentAt),
                message.receiptHandle(), message);
    }
}
