package dev.assetflow.opsapi;

import dev.assetflow.aws.sqs.SqsQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every queue's approximate depth: the ingest and work queues (visible, in flight, delayed) with their dead letters
 * beside them, then the dead-letter queues of the other queues (subscribers, backfill). The age of the oldest message
 * is not an SQS attribute (it is the CloudWatch metric ApproximateAgeOfOldestMessage, which the stack alarms on); the
 * console links the dashboard for it (README, "Ops endpoints").
 */
final class QueueOverview {
    private final SqsClient sqs;
    private final Map<String, String> sourceUrls;
    private final Map<String, String> dlqUrlBySource;

    QueueOverview(SqsClient sqs, Map<String, String> sourceUrls, Map<String, String> dlqUrlBySource) {
        this.sqs = sqs;
        this.sourceUrls = sourceUrls;
        this.dlqUrlBySource = dlqUrlBySource;
    }

    /** {@code work}: the kind/priority a work queue serves, "ingest", or null for a queue known only by its DLQ. */
    record Queue(String name, String work, Integer visible, Integer inFlight, Integer delayed, int deadLetters) {}

    List<Queue> all() {
        List<Queue> queues = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        sourceUrls.forEach((work, url) -> {
            String name = url.substring(url.lastIndexOf('/') + 1);
            SqsQueues.Counts counts = SqsQueues.counts(sqs, url);
            queues.add(new Queue(name, work, counts.visible(), counts.inFlight(), counts.delayed(), deadLetters(name)));
            seen.add(name);
        });
        dlqUrlBySource.keySet().stream().filter(source -> !seen.contains(source)).sorted()
                .forEach(source -> queues.add(new Queue(source, null, null, null, null, deadLetters(source))));
        return queues;
    }

    private int deadLetters(String source) {
        String dlq = dlqUrlBySource.get(source);
        return dlq == null ? 0 : SqsQueues.depth(sqs, dlq);
    }
}
