package dev.assetflow.domain.idempotency;

/** Raised when a claimed key cannot be used: in progress elsewhere, or reused for different work. */
public class IdempotencyException extends RuntimeException {
    private final boolean retryable;

    private IdempotencyException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public static IdempotencyException inProgress(IdempotencyKey key) {
        return new IdempotencyException("work for " + key + " is in progress elsewhere; retry later", true);
    }

    public static IdempotencyException payloadMismatch(IdempotencyKey key) {
        return new IdempotencyException(
                "idempotency key " + key + " was already used for a different payload", false);
    }

    public boolean retryable() {
        return retryable;
    }
}
