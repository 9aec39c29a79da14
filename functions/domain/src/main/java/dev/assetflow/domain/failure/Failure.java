package dev.assetflow.domain.failure;

import java.util.Objects;

/** A categorised, human-readable failure: the value every boundary turns errors into. */
public record Failure(FailureCategory category, String reason) {

    public Failure {
        Objects.requireNonNull(category, "category");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a failure needs a readable reason");
        }
    }

    public static Failure of(FailureCategory category, String reason) {
        return new Failure(category, reason);
    }

    public boolean retryable() {
        return category.retryable();
    }

    @Override
    public String toString() {
        return category + ": " + reason;
    }
}
