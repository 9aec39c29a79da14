package dev.assetflow.domain.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a piece of work at most once in effect per key, with the semantics of Powertools' idempotency
 * utility (written here without annotations or weaving):
 * <ul>
 *   <li>a conditional put claims the key; an IN_PROGRESS claim older than {@code inProgressExpiry}
 *       (about the function timeout) is taken over, so a crashed worker does not block its work forever;</li>
 *   <li>a COMPLETED record returns its stored result as a {@link Outcome#duplicate() duplicate};</li>
 *   <li>the same key with a different payload hash is an error, never a silent skip;</li>
 *   <li>if the work throws, the claim is released so that the retry runs it again.</li>
 * </ul>
 */
public final class Idempotency {
    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration inProgressExpiry;
    private final Duration completedTtl;

    public Idempotency(IdempotencyStore store, Clock clock, Duration inProgressExpiry, Duration completedTtl) {
        this.store = store;
        this.clock = clock;
        this.inProgressExpiry = inProgressExpiry;
        this.completedTtl = completedTtl;
    }

    /** The result of the work, and whether it was done now or recorded earlier. */
    public record Outcome(String result, boolean duplicate) {}

    public Outcome execute(IdempotencyKey key, String payloadHash, Supplier<String> work) {
        Instant now = clock.instant();
        Claim claim = store.claim(key, payloadHash, now, now.plus(inProgressExpiry), now.plus(completedTtl));
        return switch (claim) {
            case Claim.Completed completed -> {
                if (!completed.payloadHash().equals(payloadHash)) {
                    throw IdempotencyException.payloadMismatch(key);
                }
                yield new Outcome(completed.result(), true);
            }
            case Claim.InProgress ignored -> throw IdempotencyException.inProgress(key);
            case Claim.Acquired ignored -> new Outcome(runAndRecord(key, payloadHash, work), false);
        };
    }

    private String runAndRecord(IdempotencyKey key, String payloadHash, Supplier<String> work) {
        String result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            store.release(key);
            throw e;
        }
        store.complete(key, payloadHash, result, clock.instant().plus(completedTtl));
        return result;
    }
}
