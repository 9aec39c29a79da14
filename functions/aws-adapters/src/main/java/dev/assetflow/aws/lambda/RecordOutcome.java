package dev.assetflow.aws.lambda;

import dev.assetflow.domain.failure.Failure;

/** What became of one SQS record. Only {@link Retry} leaves the message on its queue. */
public sealed interface RecordOutcome {

    /** The work was done. */
    record Done(String summary) implements RecordOutcome {}

    /** The work had been done before (a repeated delivery); nothing was done again. */
    record Duplicate(String summary) implements RecordOutcome {}

    /**
     * A permanent failure, already recorded where an operator will find it (the asset's state and
     * reason, or the dead-letter queue). The message is deleted: retrying cannot help.
     */
    record Settled(Failure failure) implements RecordOutcome {}

    /** A failure another attempt may fix: reported as a batch item failure so SQS redelivers it. */
    record Retry(Failure failure) implements RecordOutcome {}
}
