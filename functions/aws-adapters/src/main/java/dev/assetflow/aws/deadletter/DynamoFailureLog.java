package dev.assetflow.aws.deadletter;

import static dev.assetflow.aws.dynamodb.Attr.*;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.deadletter.FailedMessage;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.deadletter.FailureLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link FailureLog} on DynamoDB: one item per failed message, keyed by its SQS message id. Items
 * expire (TTL) a while after SQS's longest retention, 14 days, so a record outlives its message.
 */
public final class DynamoFailureLog implements FailureLog {
    static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFailureLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void recordAttempt(String messageId, String sourceQueue, String stage, Failure failure, int attempt, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(messageId))
                    .updateExpression("SET sourceQueue = :queue, stage = :stage, category = :category, reason = :reason,"
                            + " attempts = :attempts, lastSeen = :at, firstSeen = if_not_exists(firstSeen, :at),"
                            + " #status = :status, expiresAt = :expires")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":queue", s(sourceQueue), ":stage", s(stage),
                            ":category", s(failure.category().name()), ":reason", s(failure.reason()),
                            ":attempts", n(attempt), ":at", s(at.toString()),
                            ":status", s(FailedMessage.Status.RETRYING.name()), ":expires", n(expiry(at)))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "record failed attempt of message " + messageId);
        }
    }

    @Override
    public Optional<FailedMessage> find(String messageId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(messageId))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toFailedMessage(item));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "read failure record of message " + messageId);
        }
    }

    @Override
    public boolean recordDeadLettered(FailedMessage triaged) {
        Map<String, AttributeValue> item = new HashMap<>(key(triaged.messageId()));
        putIfPresent(item, "sourceQueue", triaged.sourceQueue());
        putIfPresent(item, "stage", triaged.stage());
        putIfPresent(item, "assetId", triaged.assetId());
        item.put("category", s(triaged.lastFailure().category().name()));
        item.put("reason", s(triaged.lastFailure().reason()));
        item.put("attempts", n(triaged.attempts()));
        putIfPresent(item, "firstSeen", triaged.firstSeen() == null ? null : triaged.firstSeen().toString());
        putIfPresent(item, "lastSeen", triaged.lastSeen() == null ? null : triaged.lastSeen().toString());
        item.put("status", s(FailedMessage.Status.DEAD_LETTERED.name()));
        item.put("expiresAt", n(expiry(triaged.lastSeen() == null ? Instant.now() : triaged.lastSeen())));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #status <> :dead")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":dead", s(FailedMessage.Status.DEAD_LETTERED.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "record dead-lettered message " + triaged.messageId());
        }
    }

    @Override
    public void recordRedriven(String messageId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(messageId))
                    .updateExpression("SET #status = :status, redrivenAt = :at")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":status", s(FailedMessage.Status.REDRIVEN.name()),
                            ":at", s(at.toString()))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "record redrive of message " + messageId);
        }
    }

    private static Map<String, AttributeValue> key(String messageId) {
        return Map.of("pk", s(messageId));
    }

    private static long expiry(Instant at) {
        return at.plus(KEEP).getEpochSecond();
    }

    private static FailedMessage toFailedMessage(Map<String, AttributeValue> item) {
        String category = string(item, "category");
        String reason = string(item, "reason");
        Integer attempts = integer(item, "attempts");
        return new FailedMessage(string(item, "pk"), string(item, "sourceQueue"), string(item, "stage"),
                string(item, "assetId"),
                Failure.of(category == null ? FailureCategory.INTERNAL : FailureCategory.valueOf(category),
                        reason == null || reason.isBlank() ? "no reason recorded" : reason),
                attempts == null ? 0 : attempts, instant(string(item, "firstSeen")), instant(string(item, "lastSeen")),
                FailedMessage.Status.valueOf(string(item, "status")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
