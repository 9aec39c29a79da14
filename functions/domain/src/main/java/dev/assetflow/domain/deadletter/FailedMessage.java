package dev.assetflow.domain.deadletter;

import java.time.Instant;
import java.util.Objects;

import dev.assetflow.domain.failure.Failure;
/**
 * What the failure log knows about one queue message that failed: where it came from, which stage
 * failed it, the last failure, how many deliveries it took, and where it is now. Keyed by the SQS
 * message id, which SQS keeps when its redrive policy moves a message to the dead-letter queue.
 */
public record FailedMessage(
        String messageId,
        String sourceQueue,
        String stage,
        String assetId,
        Failure lastFailure,
        int attempts,
        Instant firstSeen,
        Instant lastSeen,
        Status status) {

    public enum Status {
        /** Handed back to its queue with a backoff; SQS will deliver it again. */
        RETRYING,
        /** In a dead-letter queue, triaged: its asset (if any) is FAILED with this failure. */
        DEAD_LETTERED,
        /** Sent back to its source queue by the redrive command. */
        REDRIVEN
    }

    public FailedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(status, "status");
    }
}
