package dev.assetflow.aws.deadletter;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.asset.AssetAudit;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.deadletter.DeadLetterTriage;
import dev.assetflow.domain.deadletter.FailedMessage;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.deadletter.FailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import dev.assetflow.aws.sqs.SqsQueues;
/**
 * Lists a dead-letter queue grouped by failure, and puts selected messages back on their source
 * queue. SQS cannot peek, so listing receives every message and releases it again. Redriving is
 * receive → send to the source queue → delete from the DLQ, in that order: interrupted anywhere, a
 * message is at worst in both queues (a duplicate delivery, which every step of the pipeline
 * absorbs), never in neither. SQS's own StartMessageMoveTask moves a whole queue without that
 * choice; it is {@link #moveAll}.
 */
public final class DeadLetterRedrive {
    /** Long enough to list or move a batch; a crashed run's messages come back this soon. */
    private static final Duration HIDE_FOR = Duration.ofSeconds(30);
    public static final String REDRIVE_OF_ATTRIBUTE = "redriveOf";

    private final SqsClient sqs;
    private final FailureLog failures;
    private final Clock clock;

    public DeadLetterRedrive(SqsClient sqs, FailureLog failures, Clock clock) {
        this.sqs = sqs;
        this.failures = failures;
        this.clock = clock;
    }

    /** A dead letter and the failure it is filed under: the triaged one, or what triage would name. */
    public record Listed(String messageId, String sourceQueue, String assetId, Failure failure, int attempts, boolean triaged) {}

    /** What a redrive did: moved to the source queue, left in the DLQ (not selected), failed to move. */
    public record Moved(int moved, int left, int failed) {}

    public List<Listed> list(DeadLetterQueue dlq) {
        return list(dlq, Integer.MAX_VALUE);
    }

    /** At most about {@code max} of them (whole batches of up to 10): what a page can show within an API call's time. */
    public List<Listed> list(DeadLetterQueue dlq, int max) {
        List<DeadLetterQueue.Received> seen = new ArrayList<>();
        List<Listed> listed = new ArrayList<>();
        try {
            List<DeadLetterQueue.Received> batch;
            while (listed.size() < max && !(batch = dlq.receive(10, HIDE_FOR)).isEmpty()) {
                for (DeadLetterQueue.Received received : batch) {
                    seen.add(received);
                    listed.add(describe(received));
                }
            }
        } finally {
            dlq.release(seen);
        }
        return listed;
    }

    /**
     * Moves up to {@code max} messages the selector accepts back to their source queue. Only what was
     * dead-lettered before the run started is moved: a message that fails again at once comes back to
     * the DLQ as a new message, and moving that one too would go round in circles. {@code beforeMove} runs for each
     * selected message before it is sent ({@link #auditedBy}); when it throws a FailureException the message stays.
     */
    public Moved redrive(DeadLetterQueue dlq, Predicate<Listed> selector, int max, Consumer<Listed> beforeMove) {
        Instant started = clock.instant();
        int moved = 0;
        int failed = 0;
        List<DeadLetterQueue.Received> left = new ArrayList<>();
        try {
            List<DeadLetterQueue.Received> batch;
            while (moved < max && !(batch = dlq.receive(Math.min(10, max - moved), HIDE_FOR)).isEmpty()) {
                for (DeadLetterQueue.Received received : batch) {
                    Instant sent = received.letter().sentAt();
                    Listed listed = describe(received);
                    if (moved >= max || sent != null && sent.isAfter(started) || !selector.test(listed)) {
                        left.add(received);
                        continue;
                    }
                    try {
                        beforeMove.accept(listed);
                        moveOne(dlq, received);
                        moved++;
                    } catch (FailureException e) {
                        failed++; // it stays in the DLQ and comes back visible after HIDE_FOR
                    }
                }
            }
        } finally {
            dlq.release(left);
        }
        return new Moved(moved, left.size(), failed);
    }

    /**
     * Writes in the letter's asset's history that {@code by} sent it back (the worker that takes it up again records
     * the reopen under its own name). A letter of no known asset moves without a note.
     */
    public static Consumer<Listed> auditedBy(AssetAudit audit, String by) {
        return listed -> {
            if (listed.assetId() != null && AssetId.isValid(listed.assetId())) {
                audit.note(new AssetId(listed.assetId()), by, "dead letter " + listed.messageId() + " (" + listed.failure().category()
                        + ") redriven to " + listed.sourceQueue());
            }
        };
    }

    /**
     * SQS's own redrive of the whole queue to each message's source
     * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html).
     * Returns the task handle, or empty with the reason when the endpoint does not offer it.
     */
    public Optional<String> moveAll(String dlqArn) {
        try {
            return Optional.of(sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn)).taskHandle());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private void moveOne(DeadLetterQueue dlq, DeadLetterQueue.Received received) {
        String source = received.letter().sourceQueue();
        Map<String, MessageAttributeValue> attributes = new HashMap<>(received.message().messageAttributes());
        attributes.remove(DeadLetterTriage.CATEGORY_ATTRIBUTE);
        attributes.remove(DeadLetterTriage.REASON_ATTRIBUTE);
        attributes.remove(DeadLetterTriage.SOURCE_QUEUE_ATTRIBUTE);
        attributes.put(REDRIVE_OF_ATTRIBUTE, SqsQueues.text(received.letter().messageId()));
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(source)).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(received.message().body()).messageAttributes(attributes));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "send dead letter " + received.letter().messageId() + " back to " + source);
        }
        dlq.delete(received);
        try {
            failures.recordRedriven(received.letter().messageId(), clock.instant());
        } catch (FailureException e) {
            // the message is back on its queue, under a new message id; only the old record is stale
        }
    }

    private Listed describe(DeadLetterQueue.Received received) {
        DeadLetterTriage.DeadLetter letter = received.letter();
        Optional<FailedMessage> recorded = failures.find(letter.messageId());
        boolean triaged = recorded.isPresent() && recorded.get().status() == FailedMessage.Status.DEAD_LETTERED;
        FailedMessage filed = triaged ? recorded.get() : DeadLetterTriage.triage(letter, recorded, clock.instant());
        return new Listed(letter.messageId(), letter.sourceQueue(), filed.assetId(), filed.lastFailure(), filed.attempts(), triaged);
    }
}
