package dev.assetflow.aws.idempotency;

import static dev.assetflow.aws.dynamodb.Attr.*;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.idempotency.Claim;
import dev.assetflow.domain.idempotency.IdempotencyKey;
import dev.assetflow.domain.idempotency.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in DynamoDB, laid out like Powertools' DynamoDB persistence layer: the key,
 * a status, the payload hash, the result, an in-progress expiry and a TTL attribute. TTL deletion on
 * AWS lags by up to days, so expiry is also checked in the condition, never assumed.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(IdempotencyKey key, String payloadHash, Instant now, Instant inProgressUntil, Instant expiresAt) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key.value()), "status", s(IN_PROGRESS), "payloadHash", s(payloadHash),
                            "inProgressUntil", n(inProgressUntil.getEpochSecond()), "expiresAt", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now"
                            + " OR (#status = :inProgress AND inProgressUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()), ":inProgress", s(IN_PROGRESS))));
            return new Claim.Acquired();
        } catch (ConditionalCheckFailedException e) {
            return existing(key);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "claim idempotency key " + key);
        }
    }

    private Claim existing(IdempotencyKey key) {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s(key.value()))).consistentRead(true)).item();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "read idempotency key " + key);
        }
        if (item == null || item.isEmpty()) {
            // released between our put and our read: whoever held it failed; let the retry claim it
            return new Claim.InProgress(Instant.EPOCH);
        }
        if (COMPLETED.equals(string(item, "status"))) {
            return new Claim.Completed(string(item, "payloadHash"), string(item, "result"));
        }
        return new Claim.InProgress(Instant.ofEpochSecond(number(item, "inProgressUntil")));
    }

    @Override
    public void complete(IdempotencyKey key, String payloadHash, String result, Instant expiresAt) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key.value()), "status", s(COMPLETED), "payloadHash", s(payloadHash),
                            "result", s(result), "expiresAt", n(expiresAt.getEpochSecond()))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "complete idempotency key " + key);
        }
    }

    @Override
    public void release(IdempotencyKey key) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s(key.value()))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "release idempotency key " + key);
        }
    }
}
