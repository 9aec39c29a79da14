package dev.assetflow.domain.webhook;

import java.time.Instant;

/**
 * What happened to one event at one endpoint: the deliveries table's item, what {@code ./scripts/webhooks list} counts.
 * {@code lastStatus} is the last HTTP status (null when nothing answered), {@code lastError} why the last failed attempt
 * failed and {@code lastErrorAt} when (kept after a later success: an endpoint's last error is worth seeing), {@code replays}
 * how often an operator replayed it.
 */
public record DeliveryRecord(String endpoint, String eventId, String type, String assetId, Status status, int attempts,
        Integer lastStatus, String lastError, Instant lastErrorAt, Instant firstAttemptAt, Instant updatedAt, int replays) {

    public enum Status { DELIVERED, RETRYING, DEAD_LETTERED }

    public static DeliveryRecord first(String endpoint, WebhookEvent event, Instant now) {
        return new DeliveryRecord(endpoint, event.eventId(), event.type(), event.assetId(), Status.RETRYING, 0, null, null, null, now, now, 0);
    }

    /** @param error why this attempt failed, null when it delivered */
    public DeliveryRecord attempted(Status newStatus, Integer status, String error, Instant now) {
        return new DeliveryRecord(endpoint, eventId, type, assetId, newStatus, attempts + 1, status, error != null ? error : lastError,
                error != null ? now : lastErrorAt, firstAttemptAt, now, replays);
    }

    public DeliveryRecord replayed() {
        return new DeliveryRecord(endpoint, eventId, type, assetId, status, attempts, lastStatus, lastError, lastErrorAt, firstAttemptAt,
                updatedAt, replays + 1);
    }
}
