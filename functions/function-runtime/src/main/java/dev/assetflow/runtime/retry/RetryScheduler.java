package dev.assetflow.runtime.retry;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.assetflow.domain.failure.Failure;

/** Decides when a message reported as a batch item failure comes back, and keeps a record of why. */
@FunctionalInterface
public interface RetryScheduler {

    /** Must not throw: the message is retried either way. */
    void retryLater(SQSMessage message, Failure failure);
}
