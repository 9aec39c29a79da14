package dev.assetflow.domain.idempotency;

import java.time.Instant;

/** Port: durable idempotency records (DynamoDB on AWS and in the local stack). */
public interface IdempotencyStore {

    /**
     * Conditionally claims the key: succeeds when no record exists, the record expired, or it is
     * IN_PROGRESS past {@code now} (its holder crashed).
     */
    Claim claim(IdempotencyKey key, String payloadHash, Instant now, Instant inProgressUntil, Instant expiresAt);

    /** Marks the work COMPLETED with its result, kept until {@code expiresAt} (TTL). */
    void complete(IdempotencyKey key, String payloadHash, String result, Instant expiresAt);

    /** Gives up a claim after a failure, so a retry can run the work again. */
    void release(IdempotencyKey key);
}
