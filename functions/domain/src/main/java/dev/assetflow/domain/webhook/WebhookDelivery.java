package dev.assetflow.domain.webhook;

import dev.assetflow.domain.failure.Failure;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Delivers one event to one endpoint (README, "Webhooks"): signs the exact body with the endpoint's secret, POSTs it
 * with headers naming the event, judges the answer ({@link DeliveryVerdict}), records the attempt, and says what the
 * queue should do with the message. An event already delivered to this endpoint is not sent again (a repeated SQS
 * delivery), unless an operator replays it; receivers still deduplicate by {@code Assetflow-Event-Id}.
 */
public final class WebhookDelivery {
    public static final String EVENT_ID_HEADER = "Assetflow-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Assetflow-Event-Type";
    public static final String ATTEMPT_HEADER = "Assetflow-Delivery-Attempt";
    public static final String REPLAY_HEADER = "Assetflow-Replay";

    /** Port: one POST to the endpoint, never following a redirect, bounded by short timeouts. */
    @FunctionalInterface
    public interface Endpoint {
        DeliveryAttempt post(String body, Map<String, String> headers);
    }

    /** What the endpoint's queue does with the message. */
    public sealed interface Outcome {}

    public record Delivered(DeliveryRecord record) implements Outcome {}

    public record AlreadyDelivered(DeliveryRecord record) implements Outcome {}

    /** Hide the message for {@code seconds}, then deliver again. */
    public record RetryIn(int seconds, DeliveryRecord record) implements Outcome {}

    /** Move it to the dead-letter queue with {@code failure} (permanent, past the deadline, or not an event at all). */
    public record DeadLetter(Failure failure, Optional<DeliveryRecord> record) implements Outcome {}

    private final String endpointName;
    private final Endpoint endpoint;
    private final Supplier<byte[]> secret;
    private final DeliveryLog log;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final DoubleSupplier random;

    public WebhookDelivery(String endpointName, Endpoint endpoint, Supplier<byte[]> secret, DeliveryLog log, RetrySchedule schedule,
            Clock clock, DoubleSupplier random) {
        this.endpointName = endpointName;
        this.endpoint = endpoint;
        this.secret = secret;
        this.log = log;
        this.schedule = schedule;
        this.clock = clock;
        this.random = random;
    }

    /** @param queuedAt when the event reached the endpoint's queue: the delivery deadline counts from it */
    public Outcome deliver(WebhookEvent event, Instant queuedAt) {
        Optional<DeliveryRecord> known = log.find(endpointName, event.eventId());
        if (known.isPresent() && known.get().status() == DeliveryRecord.Status.DELIVERED && !event.replay()) {
            return new AlreadyDelivered(known.get());
        }
        Instant now = clock.instant();
        DeliveryRecord before = known.map(r -> event.replay() ? r.replayed() : r).orElseGet(() -> DeliveryRecord.first(endpointName, event, now));
        int attempt = before.attempts() + 1;
        DeliveryAttempt attempted = endpoint.post(event.body(), headers(event, attempt, now));
        Instant answered = clock.instant();
        return switch (DeliveryVerdict.of(attempted, answered)) {
            case DeliveryVerdict.Delivered delivered -> {
                DeliveryRecord record = before.attempted(DeliveryRecord.Status.DELIVERED, delivered.status(), null, answered);
                log.save(record);
                yield new Delivered(record);
            }
            case DeliveryVerdict.Permanent permanent -> deadLetter(before, attempted, permanent.failure(), answered);
            case DeliveryVerdict.Retryable retryable -> switch (schedule.after(attempt, retryable.failure(), retryable.retryAfter(),
                    queuedAt, answered, random)) {
                case RetrySchedule.RetryIn retry -> {
                    DeliveryRecord record = before.attempted(DeliveryRecord.Status.RETRYING, status(attempted),
                            retryable.failure().reason(), answered);
                    log.save(record);
                    yield new RetryIn(retry.seconds(), record);
                }
                case RetrySchedule.GiveUp giveUp -> deadLetter(before, attempted, giveUp.failure(), answered);
            };
        };
    }

    private Outcome deadLetter(DeliveryRecord before, DeliveryAttempt attempted, Failure failure, Instant at) {
        DeliveryRecord record = before.attempted(DeliveryRecord.Status.DEAD_LETTERED, status(attempted), failure.reason(), at);
        log.save(record);
        return new DeadLetter(failure, Optional.of(record));
    }

    private Map<String, String> headers(WebhookEvent event, int attempt, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(EVENT_ID_HEADER, event.eventId());
        headers.put(EVENT_TYPE_HEADER, event.type());
        headers.put(ATTEMPT_HEADER, Integer.toString(attempt));
        if (event.replay()) {
            headers.put(REPLAY_HEADER, "true");
        }
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(secret.get(), now, event.body()));
        return headers;
    }

    private static Integer status(DeliveryAttempt attempt) {
        return attempt instanceof DeliveryAttempt.Answered answered ? answered.status() : null;
    }
}
