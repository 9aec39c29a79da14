package dev.assetflow.domain.work;

import dev.assetflow.domain.failure.Failure;

/**
 * What became of one piece of work (one queue message). Only {@link Retry} leaves the message on its
 * queue for another delivery.
 */
public sealed interface WorkOutcome {

    /** The work was done. */
    record Done(String summary) implements WorkOutcome {}

    /** The work had been done before (a repeated delivery); nothing was done again. */
    record Duplicate(String summary) implements WorkOutcome {}

    /**
     * A permanent failure, already recorded where an operator will find it (the asset's state and
     * reason, or the dead-letter queue). The message is deleted: retrying cannot help.
     */
    record Settled(Failure failure) implements WorkOutcome {}

    /** A failure another attempt may fix: reported as a batch item failure so SQS redelivers it. */
    record Retry(Failure failure) implements WorkOutcome {}
}
