package dev.assetflow.domain.failure;

/**
 * The shared error taxonomy. Every failure an asset or message can end with carries one of these,
 * and its {@link FailureClass} decides whether retrying can help.
 */
public enum FailureCategory {
    EMPTY_FILE(FailureClass.PERMANENT_INPUT),
    UNSUPPORTED_TYPE(FailureClass.PERMANENT_INPUT),
    TYPE_MISMATCH(FailureClass.PERMANENT_INPUT),
    CORRUPT_MEDIA(FailureClass.PERMANENT_INPUT),
    LIMIT_EXCEEDED(FailureClass.PERMANENT_INPUT),
    INVALID_MESSAGE(FailureClass.PERMANENT_INPUT),
    ORIGINAL_MISSING(FailureClass.PERMANENT_INPUT),
    NO_MATCHING_RULE(FailureClass.PERMANENT_INPUT),
    ENCRYPTED(FailureClass.PERMANENT_INPUT),
    /** Estimated above its rule's {@code maxCostUsd}: quarantined for review before anything is encoded. */
    COST_LIMIT(FailureClass.PERMANENT_INPUT),
    TRANSIENT(FailureClass.TRANSIENT),
    /** A webhook endpoint answered a 4xx other than 408/429 (or a redirect): it will not take the event as sent. */
    ENDPOINT_REFUSED(FailureClass.CONFIGURATION),
    /** A webhook endpoint did not take the event before its delivery deadline (timeouts, 5xx, 408, 429, no connection). */
    ENDPOINT_UNAVAILABLE(FailureClass.TRANSIENT),
    CONFIGURATION(FailureClass.CONFIGURATION),
    INTERNAL(FailureClass.INTERNAL);

    private final FailureClass failureClass;

    FailureCategory(FailureClass failureClass) {
        this.failureClass = failureClass;
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** Only transient failures are worth another delivery; input problems never heal by themselves. */
    public boolean retryable() {
        return failureClass == FailureClass.TRANSIENT;
    }
}
