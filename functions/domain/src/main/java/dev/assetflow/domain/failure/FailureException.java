package dev.assetflow.domain.failure;

/**
 * Carries a categorised {@link Failure} out of an adapter (an SDK exception translated at the
 * boundary) up to the record processor, which turns it back into a value.
 */
public class FailureException extends RuntimeException {
    private final Failure failure;

    public FailureException(Failure failure) {
        this(failure, null);
    }

    public FailureException(Failure failure, Throwable cause) {
        super(failure.toString(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    public static FailureException transientFailure(String reason, Throwable cause) {
        return new FailureException(Failure.of(FailureCategory.TRANSIENT, reason), cause);
    }
}
