package dev.assetflow.domain.deadletter;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.WorkOutcome;

/**
 * Port: moves a message that can never succeed (not JSON, wrong schema, unknown asset) straight to its
 * source queue's dead-letter queue with its failure, instead of letting it be received maxReceiveCount
 * times first. Nothing is dropped: an operator finds it there with its reason and can redrive it.
 */
public interface MessageParking {

    /** @param sourceQueueArn the queue the message came from; its dead-letter queue receives it */
    void park(String sourceQueueArn, String body, Failure failure);

    /** Parks a received message and settles its record with the failure. */
    default WorkOutcome.Settled park(ReceivedMessage message, Failure failure) {
        park(message.sourceQueueArn(), message.body(), failure);
        return new WorkOutcome.Settled(failure);
    }
}
