package dev.assetflow.domain.deadletter;

import dev.assetflow.domain.failure.Failure;
import java.time.Instant;
import java.util.Optional;

/** Port: the record of failed messages (DynamoDB), what DLQ triage and redrive read and write. */
public interface FailureLog {

    /** One failed delivery that will be retried: keeps the first-seen time, updates the rest. */
    void recordAttempt(String messageId, String sourceQueue, String stage, Failure failure, int attempt, Instant at);

    Optional<FailedMessage> find(String messageId);

    /** Records the message as dead-lettered unless it already is; true if this call did it. */
    boolean recordDeadLettered(FailedMessage triaged);

    /** The redrive command sent it back to its source queue. */
    void recordRedriven(String messageId, Instant at);
}
