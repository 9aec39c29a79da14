package dev.assetflow.opsapi;

import dev.assetflow.aws.deadletter.DeadLetterQueue;
import dev.assetflow.aws.deadletter.DeadLetterRedrive;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.asset.AssetAudit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The dead letters of every queue, grouped by failure category, and a redrive of some of them: the same
 * {@link DeadLetterRedrive} that {@code ./scripts/redrive} runs (receive → send to the source → delete; never lost).
 * Only non-empty DLQs are read (SQS cannot peek: reading one waits a second for its last empty receive). Each
 * redriven letter's asset gets a history entry naming who asked.
 */
final class DeadLetters {
    /** More than a console page shows; a redrive of more is {@code ./scripts/redrive --all}. */
    static final int MAX_PER_REDRIVE = 500;
    /** Listed per queue (its depth says how many there are): reading them all could outlast the API's 29 s. */
    static final int MAX_LISTED = 100;

    private final SqsClient sqs;
    private final DeadLetterRedrive redrive;
    private final Map<String, String> dlqUrlBySource;
    private final AssetAudit audit;

    DeadLetters(SqsClient sqs, DeadLetterRedrive redrive, Map<String, String> dlqUrlBySource, AssetAudit audit) {
        this.sqs = sqs;
        this.redrive = redrive;
        this.audit = audit;
        this.dlqUrlBySource = new TreeMap<>(dlqUrlBySource);
    }

    record Letter(String messageId, String assetId, int attempts, String reason, boolean triaged) {}

    record Category(String category, List<Letter> letters) {}

    /** {@code depth}: every dead letter of the queue (approximate); {@code categories}: the first {@link #MAX_LISTED} of them. */
    record Queue(String sourceQueue, String deadLetterQueueUrl, int depth, List<Category> categories) {}

    List<Queue> list() {
        List<Queue> queues = new ArrayList<>();
        dlqUrlBySource.forEach((source, url) -> {
            DeadLetterQueue dlq = new DeadLetterQueue(sqs, source, url);
            int depth = SqsQueues.depth(sqs, url);
            if (depth > 0) {
                Map<String, List<Letter>> byCategory = redrive.list(dlq, MAX_LISTED).stream().collect(Collectors.groupingBy(
                        listed -> listed.failure().category().name(), TreeMap::new,
                        Collectors.mapping(l -> new Letter(l.messageId(), l.assetId(), l.attempts(), l.failure().reason(), l.triaged()),
                                Collectors.toList())));
                queues.add(new Queue(source, url, depth, byCategory.entrySet().stream().map(e -> new Category(e.getKey(), e.getValue())).toList()));
            }
        });
        return queues;
    }

    boolean knows(String sourceQueue) {
        return dlqUrlBySource.containsKey(sourceQueue);
    }

    DeadLetterRedrive.Moved redrive(RedriveRequest.Valid request, String requester) {
        DeadLetterQueue dlq = new DeadLetterQueue(sqs, request.sourceQueue(), dlqUrlBySource.get(request.sourceQueue()));
        Predicate<DeadLetterRedrive.Listed> selected = listed -> (request.category() == null || listed.failure().category() == request.category())
                && (request.messageIds().isEmpty() || request.messageIds().contains(listed.messageId()));
        return redrive.redrive(dlq, selected, MAX_PER_REDRIVE, DeadLetterRedrive.auditedBy(audit, requester));
    }
}
