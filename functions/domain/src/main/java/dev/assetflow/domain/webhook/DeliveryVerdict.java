package dev.assetflow.domain.webhook;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Whether a delivery is done, can never succeed as sent, or is worth another try (README, "Webhooks"): a 2xx is
 * delivered; a 4xx other than 408 and 429, and a 3xx (redirects are not followed: the endpoint must name its final
 * address), are permanent; 408, 429, 5xx, timeouts and connection errors are retried, after the endpoint's
 * Retry-After when it sent one (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after).
 */
public sealed interface DeliveryVerdict {

    record Delivered(int status) implements DeliveryVerdict {}

    /** Dead-lettered at once, with the status and an excerpt of the answer in the failure's reason. */
    record Permanent(Failure failure) implements DeliveryVerdict {}

    record Retryable(Failure failure, Optional<Duration> retryAfter) implements DeliveryVerdict {}

    static DeliveryVerdict of(DeliveryAttempt attempt, Instant now) {
        return switch (attempt) {
            case DeliveryAttempt.NotAllowed refused -> new Permanent(Failure.of(FailureCategory.ENDPOINT_REFUSED, refused.reason()));
            case DeliveryAttempt.NoAnswer none -> new Retryable(Failure.of(FailureCategory.ENDPOINT_UNAVAILABLE, none.reason()),
                    Optional.empty());
            case DeliveryAttempt.Answered answered -> answered(answered, now);
        };
    }

    private static DeliveryVerdict answered(DeliveryAttempt.Answered answer, Instant now) {
        int status = answer.status();
        String said = "HTTP " + status + (answer.bodyExcerpt() == null || answer.bodyExcerpt().isBlank() ? ""
                : ": " + answer.bodyExcerpt());
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Retryable(Failure.of(FailureCategory.ENDPOINT_UNAVAILABLE, said), retryAfter(answer.retryAfter(), now));
        }
        String why = status >= 300 && status < 400 ? said + " (a redirect: not followed; give the endpoint's final address)" : said;
        return new Permanent(Failure.of(FailureCategory.ENDPOINT_REFUSED, why));
    }

    /** Retry-After as delay-seconds or an HTTP-date; nothing for a value that is neither or lies in the past. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Optional.of(Duration.between(now, at)) : Optional.empty();
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
