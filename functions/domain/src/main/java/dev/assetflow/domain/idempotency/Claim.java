package dev.assetflow.domain.idempotency;

import java.time.Instant;

/** What trying to claim an idempotency key found. */
public sealed interface Claim {

    /** The key is ours: nobody held it, its record expired, or a crashed holder's claim was taken over. */
    record Acquired() implements Claim {}

    /** The work was done before; its recorded result and the hash of the payload it was done for. */
    record Completed(String payloadHash, String result) implements Claim {}

    /** Someone else is doing this work right now, until the given time at most. */
    record InProgress(Instant until) implements Claim {}
}
