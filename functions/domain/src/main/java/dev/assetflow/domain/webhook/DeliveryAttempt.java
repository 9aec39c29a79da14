package dev.assetflow.domain.webhook;

/** What one POST of an event to an endpoint came to, before it is judged ({@link DeliveryVerdict#of}). */
public sealed interface DeliveryAttempt {

    /** The endpoint answered; {@code retryAfter} is its Retry-After header (null without one). */
    record Answered(int status, String retryAfter, String bodyExcerpt) implements DeliveryAttempt {}

    /** No answer: a connect or read timeout, a refused or reset connection, a name that does not resolve. */
    record NoAnswer(String reason) implements DeliveryAttempt {}

    /** Not sent: the endpoint's address is not one this deployment may call (private, loopback, link-local...). */
    record NotAllowed(String reason) implements DeliveryAttempt {}
}
