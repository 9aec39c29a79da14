package dev.assetflow.domain.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.upload.UploadPolicy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.Failure;
/**
 * Names the failure of a message found in a dead-letter queue. Three ways lead there, and each leaves
 * its own trace: a message parked at once by a function (its {@code failureCategory} and
 * {@code failureReason} attributes), one whose retries ran out (the failure log's last attempt), and
 * one whose handler never answered: it crashed, timed out or ran out of memory, so SQS counted the
 * receives and nothing recorded why.
 */
public final class DeadLetterTriage {
    /** Attributes a function sets on a message it parks in a DLQ ({@code DeadLetterParking}). */
    public static final String CATEGORY_ATTRIBUTE = "failureCategory";
    public static final String REASON_ATTRIBUTE = "failureReason";
    public static final String SOURCE_QUEUE_ATTRIBUTE = "sourceQueue";

    /** One message as read from a DLQ: its id, text message attributes and receive count there. */
    public record DeadLetter(String messageId, String sourceQueue, String body, Map<String, String> attributes,
            Instant sentAt) {
        public DeadLetter {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            body = body == null ? "" : body;
        }
    }

    private DeadLetterTriage() {
    }

    /**
     * The failure record of a dead letter. {@code recorded} is what the failure log holds for its
     * message id, if anything.
     */
    public static FailedMessage triage(DeadLetter letter, Optional<FailedMessage> recorded, Instant now) {
        String stage = recorded.map(FailedMessage::stage).orElse(letter.sourceQueue());
        String assetId = assetIdIn(letter.body()).orElse(null);
        Instant firstSeen = recorded.map(FailedMessage::firstSeen).orElse(letter.sentAt() == null ? now : letter.sentAt());
        String parkedCategory = letter.attributes().get(CATEGORY_ATTRIBUTE);
        if (parkedCategory != null) {
            Failure failure = Failure.of(category(parkedCategory),
                    letter.attributes().getOrDefault(REASON_ATTRIBUTE, "parked without a reason"));
            return new FailedMessage(letter.messageId(), letter.sourceQueue(), stage, assetId, failure,
                    recorded.map(FailedMessage::attempts).orElse(1), firstSeen, now, FailedMessage.Status.DEAD_LETTERED);
        }
        if (recorded.isPresent() && recorded.get().status() == FailedMessage.Status.RETRYING) {
            FailedMessage last = recorded.get();
            Failure failure = Failure.of(last.lastFailure().category(), "gave up after " + last.attempts()
                    + " deliveries: " + last.lastFailure().reason());
            return new FailedMessage(letter.messageId(), letter.sourceQueue(), stage, assetId, failure,
                    last.attempts(), firstSeen, now, FailedMessage.Status.DEAD_LETTERED);
        }
        Failure crashed = Failure.of(FailureCategory.INTERNAL, "delivered to " + stage + " until its queue gave up,"
                + " and no failure was ever recorded: the function crashed, timed out or ran out of memory on it");
        return new FailedMessage(letter.messageId(), letter.sourceQueue(), stage, assetId, crashed,
                recorded.map(FailedMessage::attempts).orElse(0), firstSeen, now, FailedMessage.Status.DEAD_LETTERED);
    }

    /**
     * The asset a message is about: the {@code assetId} of a work message or asset event, or the
     * asset id in the key of an S3 notification's object (uploads through the API carry it).
     */
    public static Optional<String> assetIdIn(String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String direct = root.path("assetId").asText(null);
        if (AssetId.isValid(direct)) {
            return Optional.of(direct);
        }
        for (JsonNode record : root.path("Records")) {
            String key = record.at("/s3/object/key").asText(null);
            String fromKey = key == null ? null : UploadPolicy.assetIdInKey(URLDecoder.decode(key, StandardCharsets.UTF_8));
            if (fromKey != null) {
                return Optional.of(fromKey);
            }
        }
        return Optional.empty();
    }

    /**
     * An event of the asset-events topic, dead-lettered by one of its subscribers: the subscriber
     * failed, not the asset, so triage must not touch the asset.
     */
    public static boolean isAssetEvent(String body) {
        try {
            JsonNode root = Json.mapper().readTree(body);
            return root != null && root.has("schemaVersion") && root.has("eventId");
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The shadow copy of some work, or a part of a shadow's segmented video (a chunk message carries its work): it
     * records its own failures, so this is a crash or a timeout; the shadow failed, not the asset, so triage must not
     * touch the asset either.
     */
    public static boolean isShadowWork(String body) {
        try {
            JsonNode root = Json.mapper().readTree(body);
            return root != null && (root.path("shadow").asBoolean(false) || root.path("work").path("shadow").asBoolean(false));
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the dead letter's failure is the asset's: not a subscriber's, not a shadow's. */
    public static boolean concernsAsset(String body) {
        return !isAssetEvent(body) && !isShadowWork(body);
    }

    private static FailureCategory category(String name) {
        try {
            return FailureCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return FailureCategory.INTERNAL;
        }
    }
}
