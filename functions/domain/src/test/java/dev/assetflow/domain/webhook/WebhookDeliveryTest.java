package dev.assetflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One event to one endpoint, with the endpoint's answers scripted and the deliveries recorded in memory (a port). */
class WebhookDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final byte[] SECRET = "whsec_unit".getBytes(StandardCharsets.UTF_8);
    private static final String BODY = "{\"eventId\":\"ev-1\",\"type\":\"asset.ready\",\"assetId\":\"a-1\"}";
    private final List<Map<String, String>> sent = new ArrayList<>();
    private final MemoryLog log = new MemoryLog();

    @Test
    void a500IsRetriedWithBackoffThenA200IsDeliveredAndARepeatedMessageIsNotSentAgain() {
        WebhookDelivery delivery = delivery(new DeliveryAttempt.Answered(500, null, "oops"), new DeliveryAttempt.Answered(200, null, "ok"));
        WebhookEvent event = WebhookEvent.parse(BODY, false).orElseThrow();

        WebhookDelivery.Outcome first = delivery.deliver(event, NOW);
        assertThat(first).isInstanceOf(WebhookDelivery.RetryIn.class);
        assertThat(((WebhookDelivery.RetryIn) first).seconds()).isEqualTo(15); // half of the first ceiling, 30 s
        assertThat(log.find("cms", "ev-1").orElseThrow()).extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::lastError)
                .containsExactly(DeliveryRecord.Status.RETRYING, 1, "HTTP 500: oops");

        assertThat(delivery.deliver(event, NOW)).isInstanceOf(WebhookDelivery.Delivered.class);
        assertThat(delivery.deliver(event, NOW)).as("SQS delivered the message again").isInstanceOf(WebhookDelivery.AlreadyDelivered.class);
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(h -> h.get(WebhookDelivery.ATTEMPT_HEADER)).containsExactly("1", "2");
        assertThat(sent.get(1)).containsEntry(WebhookDelivery.EVENT_ID_HEADER, "ev-1").containsEntry(WebhookDelivery.EVENT_TYPE_HEADER, "asset.ready")
                .doesNotContainKey(WebhookDelivery.REPLAY_HEADER);
        assertThat(WebhookSignature.verify(sent.get(1).get(WebhookSignature.HEADER), BODY, SECRET, NOW, Duration.ofMinutes(5)))
                .isInstanceOf(WebhookSignature.Valid.class);
        assertThat(log.find("cms", "ev-1").orElseThrow()).extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::lastStatus)
                .containsExactly(DeliveryRecord.Status.DELIVERED, 2, 200);
    }

    @Test
    void a410IsDeadLetteredAtOnceWithTheStatusAndAnExcerpt() {
        WebhookDelivery.Outcome outcome = delivery(new DeliveryAttempt.Answered(410, null, "endpoint removed"))
                .deliver(WebhookEvent.parse(BODY, false).orElseThrow(), NOW);
        assertThat(outcome).isInstanceOf(WebhookDelivery.DeadLetter.class);
        WebhookDelivery.DeadLetter dead = (WebhookDelivery.DeadLetter) outcome;
        assertThat(dead.failure().category()).isEqualTo(FailureCategory.ENDPOINT_REFUSED);
        assertThat(dead.failure().reason()).isEqualTo("HTTP 410: endpoint removed");
        assertThat(log.find("cms", "ev-1").orElseThrow().status()).isEqualTo(DeliveryRecord.Status.DEAD_LETTERED);
    }

    @Test
    void pastTheDeadlineARetryableFailureIsDeadLettered() {
        WebhookDelivery.Outcome outcome = delivery(new DeliveryAttempt.NoAnswer("read timed out"))
                .deliver(WebhookEvent.parse(BODY, false).orElseThrow(), NOW.minus(Duration.ofHours(24)));
        assertThat(outcome).isInstanceOf(WebhookDelivery.DeadLetter.class);
        assertThat(((WebhookDelivery.DeadLetter) outcome).failure().reason()).contains("not delivered in PT24H", "read timed out");
    }

    @Test
    void aReplayOfADeliveredEventIsSentAgainMarkedAsAReplay() {
        WebhookDelivery delivery = delivery(new DeliveryAttempt.Answered(204, null, ""), new DeliveryAttempt.Answered(200, null, ""));
        delivery.deliver(WebhookEvent.parse(BODY, false).orElseThrow(), NOW);
        assertThat(delivery.deliver(WebhookEvent.parse(BODY, true).orElseThrow(), NOW)).isInstanceOf(WebhookDelivery.Delivered.class);
        assertThat(sent.get(1)).containsEntry(WebhookDelivery.REPLAY_HEADER, "true");
        assertThat(log.find("cms", "ev-1").orElseThrow()).extracting(DeliveryRecord::attempts, DeliveryRecord::replays).containsExactly(2, 1);
    }

    @Test
    void aBodyThatIsNotAnAssetEventIsNoEvent() {
        assertThat(WebhookEvent.parse("not json", false)).isEmpty();
        assertThat(WebhookEvent.parse("{\"type\":\"asset.ready\"}", false)).isEmpty();
    }

    private WebhookDelivery delivery(DeliveryAttempt... answers) {
        List<DeliveryAttempt> script = new ArrayList<>(List.of(answers));
        WebhookDelivery.Endpoint endpoint = (body, headers) -> {
            assertThat(body).isEqualTo(BODY);
            sent.add(headers);
            return script.remove(0);
        };
        return new WebhookDelivery("cms", endpoint, () -> SECRET, log,
                new RetrySchedule(new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1)), Duration.ofHours(24)),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.5);
    }

    private static final class MemoryLog implements DeliveryLog {
        private final Map<String, DeliveryRecord> records = new HashMap<>();

        @Override
        public Optional<DeliveryRecord> find(String endpoint, String eventId) {
            return Optional.ofNullable(records.get(endpoint + "|" + eventId));
        }

        @Override
        public void save(DeliveryRecord record) {
            records.put(record.endpoint() + "|" + record.eventId(), record);
        }

        @Override
        public List<DeliveryRecord> of(String endpoint) {
            return records.values().stream().filter(r -> r.endpoint().equals(endpoint)).toList();
        }
    }
}
