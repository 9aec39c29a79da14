package dev.assetflow.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions {@link Idempotency} takes on each claim outcome. The store answers from a script;
 * the conditional writes themselves are tested against DynamoDB in DynamoIdempotencyStoreIT.
 */
class IdempotencyTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final IdempotencyKey KEY = IdempotencyKey.of("t", "x");

    private final ScriptedStore store = new ScriptedStore();
    private final Idempotency idempotency = new Idempotency(store, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5), Duration.ofDays(7));

    @Test
    void runsTheWorkOnceClaimedAndRecordsItsResult() {
        store.answer = new Claim.Acquired();
        Idempotency.Outcome outcome = idempotency.execute(KEY, "h1", () -> "result");
        assertThat(outcome).isEqualTo(new Idempotency.Outcome("result", false));
        assertThat(store.calls).containsExactly(
                "claim " + KEY + " h1 until=" + NOW.plus(Duration.ofMinutes(5)),
                "complete " + KEY + " h1 result expires=" + NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void aCompletedKeyReturnsTheRecordedResultWithoutRunningTheWork() {
        store.answer = new Claim.Completed("h1", "earlier");
        Idempotency.Outcome outcome = idempotency.execute(KEY, "h1", () -> {
            throw new AssertionError("must not run");
        });
        assertThat(outcome).isEqualTo(new Idempotency.Outcome("earlier", true));
    }

    @Test
    void theSameKeyWithADifferentPayloadIsAnError() {
        store.answer = new Claim.Completed("h1", "earlier");
        assertThatThrownBy(() -> idempotency.execute(KEY, "h2", () -> "x"))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("different payload");
    }

    @Test
    void workInProgressElsewhereIsRetriedLater() {
        store.answer = new Claim.InProgress(NOW.plusSeconds(60));
        assertThatThrownBy(() -> idempotency.execute(KEY, "h1", () -> "x"))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aFailureReleasesTheClaimSoTheRetryCanRun() {
        store.answer = new Claim.Acquired();
        assertThatThrownBy(() -> idempotency.execute(KEY, "h1", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.calls).last().isEqualTo("release " + KEY);
    }

    private static final class ScriptedStore implements IdempotencyStore {
        Claim answer;
        final List<String> calls = new ArrayList<>();

        @Override
        public Claim claim(IdempotencyKey key, String payloadHash, Instant now, Instant inProgressUntil, Instant expiresAt) {
            calls.add("claim " + key + " " + payloadHash + " until=" + inProgressUntil);
            return answer;
        }

        @Override
        public void complete(IdempotencyKey key, String payloadHash, String result, Instant expiresAt) {
            calls.add("complete " + key + " " + payloadHash + " " + result + " expires=" + expiresAt);
        }

        @Override
        public void release(IdempotencyKey key) {
            calls.add("release " + key);
        }
    }
}
