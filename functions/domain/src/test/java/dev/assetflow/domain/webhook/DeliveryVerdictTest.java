package dev.assetflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.failure.FailureCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeliveryVerdictTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void a2xxIsDelivered(int status) {
        assertThat(DeliveryVerdict.of(new DeliveryAttempt.Answered(status, null, ""), NOW)).isEqualTo(new DeliveryVerdict.Delivered(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422, 301, 302, 307})
    void a4xxOtherThan408And429AndARedirectArePermanentWithTheStatusAndTheAnswer(int status) {
        DeliveryVerdict verdict = DeliveryVerdict.of(new DeliveryAttempt.Answered(status, "30", "gone for good"), NOW);
        assertThat(verdict).isInstanceOf(DeliveryVerdict.Permanent.class);
        DeliveryVerdict.Permanent permanent = (DeliveryVerdict.Permanent) verdict;
        assertThat(permanent.failure().category()).isEqualTo(FailureCategory.ENDPOINT_REFUSED);
        assertThat(permanent.failure().reason()).startsWith("HTTP " + status + ": gone for good");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void timeoutsThrottlingAndServerErrorsAreRetried(int status) {
        DeliveryVerdict verdict = DeliveryVerdict.of(new DeliveryAttempt.Answered(status, null, null), NOW);
        assertThat(verdict).isEqualTo(new DeliveryVerdict.Retryable(
                dev.assetflow.domain.failure.Failure.of(FailureCategory.ENDPOINT_UNAVAILABLE, "HTTP " + status), Optional.empty()));
    }

    @Test
    void noAnswerIsRetriedAndAnAddressNotAllowedIsPermanent() {
        assertThat(DeliveryVerdict.of(new DeliveryAttempt.NoAnswer("read timed out after 10 s"), NOW))
                .isInstanceOf(DeliveryVerdict.Retryable.class);
        assertThat(DeliveryVerdict.of(new DeliveryAttempt.NotAllowed("10.0.0.8 is a private address"), NOW))
                .isInstanceOf(DeliveryVerdict.Permanent.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(DeliveryVerdict.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(DeliveryVerdict.retryAfter("Thu, 03 Dec 2026 12:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
        assertThat(DeliveryVerdict.retryAfter("Thu, 03 Dec 2026 11:00:00 GMT", NOW)).as("in the past").isEmpty();
        assertThat(DeliveryVerdict.retryAfter("soon", NOW)).isEmpty();
        assertThat(DeliveryVerdict.retryAfter("0", NOW)).isEmpty();
        DeliveryVerdict throttled = DeliveryVerdict.of(new DeliveryAttempt.Answered(429, "90", "slow down"), NOW);
        assertThat(((DeliveryVerdict.Retryable) throttled).retryAfter()).contains(Duration.ofSeconds(90));
    }
}
