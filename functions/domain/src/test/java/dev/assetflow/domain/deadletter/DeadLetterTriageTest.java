package dev.assetflow.domain.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.deadletter.DeadLetterTriage.DeadLetter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.Failure;
class DeadLetterTriageTest {
    private static final String ASSET = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final Instant SENT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T10:05:00Z");
    private static final String WORK = "{\"assetId\":\"" + ASSET + "\",\"kind\":\"image\"}";

    @Test
    void aParkedMessageKeepsTheCategoryItWasParkedWith() {
        DeadLetter parked = new DeadLetter("m1", "af-image-critical", "not json", Map.of(
                "failureCategory", "INVALID_MESSAGE", "failureReason", "the message is not JSON"), SENT);

        FailedMessage triaged = DeadLetterTriage.triage(parked, Optional.empty(), NOW);

        assertThat(triaged.lastFailure()).isEqualTo(Failure.of(FailureCategory.INVALID_MESSAGE, "the message is not JSON"));
        assertThat(triaged.status()).isEqualTo(FailedMessage.Status.DEAD_LETTERED);
        assertThat(triaged.assetId()).isNull();
        assertThat(triaged.firstSeen()).isEqualTo(SENT);
        assertThat(triaged.lastSeen()).isEqualTo(NOW);
    }

    @Test
    void exhaustedRetriesKeepTheLastRecordedFailureAndItsAttempts() {
        FailedMessage retrying = new FailedMessage("m2", "af-image-critical", "image-worker", null,
                Failure.of(FailureCategory.TRANSIENT, "S3 503 SlowDown"), 3, SENT.plusSeconds(1), SENT.plusSeconds(40),
                FailedMessage.Status.RETRYING);

        FailedMessage triaged = DeadLetterTriage.triage(new DeadLetter("m2", "af-image-critical", WORK, Map.of(), SENT),
                Optional.of(retrying), NOW);

        assertThat(triaged.lastFailure().category()).isEqualTo(FailureCategory.TRANSIENT);
        assertThat(triaged.lastFailure().reason()).isEqualTo("gave up after 3 deliveries: S3 503 SlowDown");
        assertThat(triaged.attempts()).isEqualTo(3);
        assertThat(triaged.stage()).isEqualTo("image-worker");
        assertThat(triaged.assetId()).isEqualTo(ASSET);
        assertThat(triaged.firstSeen()).isEqualTo(SENT.plusSeconds(1));
    }

    @Test
    void aMessageWithNoRecordedFailureCrashedItsFunction() {
        FailedMessage triaged = DeadLetterTriage.triage(new DeadLetter("m3", "af-video-standard", WORK, Map.of(), SENT),
                Optional.empty(), NOW);

        assertThat(triaged.lastFailure().category()).isEqualTo(FailureCategory.INTERNAL);
        assertThat(triaged.lastFailure().reason()).contains("crashed, timed out or ran out of memory");
        assertThat(triaged.stage()).isEqualTo("af-video-standard");
    }

    @Test
    void aRedrivenMessageThatDiedAgainWithoutARecordCountsAsACrash() {
        FailedMessage redriven = new FailedMessage("m4", "q", "video-worker", ASSET,
                Failure.of(FailureCategory.TRANSIENT, "old"), 3, SENT, SENT, FailedMessage.Status.REDRIVEN);

        assertThat(DeadLetterTriage.triage(new DeadLetter("m4", "q", WORK, Map.of(), SENT), Optional.of(redriven), NOW)
                .lastFailure().category()).isEqualTo(FailureCategory.INTERNAL);
    }

    @Test
    void anUnknownParkedCategoryIsInternalNotACrashOfTriage() {
        DeadLetter odd = new DeadLetter("m5", "q", "x", Map.of("failureCategory", "GREMLINS"), SENT);
        assertThat(DeadLetterTriage.triage(odd, Optional.empty(), NOW).lastFailure())
                .isEqualTo(Failure.of(FailureCategory.INTERNAL, "parked without a reason"));
    }

    @Test
    void theAssetIsFoundInWorkMessagesEventsAndS3NotificationKeys() {
        assertThat(DeadLetterTriage.assetIdIn(WORK)).contains(ASSET);
        assertThat(DeadLetterTriage.assetIdIn("{\"Records\":[{\"s3\":{\"object\":{\"key\":\"uploads%2F" + ASSET
                + "%2FMy+Cat+%C3%A9.png\"}}}]}")).contains(ASSET);
        assertThat(DeadLetterTriage.assetIdIn("{\"Records\":[{\"s3\":{\"object\":{\"key\":\"elsewhere/cat.png\"}}}]}")).isEmpty();
        assertThat(DeadLetterTriage.assetIdIn("{\"assetId\":\"../../etc\"}")).isEmpty();
        assertThat(DeadLetterTriage.assetIdIn("not json")).isEmpty();
        assertThat(DeadLetterTriage.assetIdIn("[1,2]")).isEmpty();
    }

    @Test
    void subscriberDeadLettersAreEventsNotWork() {
        assertThat(DeadLetterTriage.isAssetEvent("{\"schemaVersion\":1,\"eventId\":\"e\",\"assetId\":\"" + ASSET + "\"}")).isTrue();
        assertThat(DeadLetterTriage.isAssetEvent(WORK)).isFalse();
        assertThat(DeadLetterTriage.isAssetEvent("garbage")).isFalse();
        assertThat(DeadLetterTriage.concernsAsset(WORK)).isTrue();
    }

    @Test
    void aShadowCopyThatDiedIsTheShadowsFailureNotTheAssets() {
        String shadow = WORK.replaceFirst("\\{", "{\"shadow\":true,");
        assertThat(DeadLetterTriage.isShadowWork(shadow)).isTrue();
        assertThat(DeadLetterTriage.concernsAsset(shadow)).isFalse();
        assertThat(DeadLetterTriage.isShadowWork(WORK)).isFalse();
        String shadowPart = "{\"schemaVersion\":1,\"assetId\":\"" + ASSET + "\",\"work\":" + shadow + ",\"totalParts\":3}";
        assertThat(DeadLetterTriage.concernsAsset(shadowPart)).as("a part of a shadow's segmented video").isFalse();
        assertThat(DeadLetterTriage.concernsAsset("{\"schemaVersion\":1,\"work\":" + WORK + "}")).as("a production part").isTrue();
    }
}
