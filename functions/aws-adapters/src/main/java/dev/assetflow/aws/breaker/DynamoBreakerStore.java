package dev.assetflow.aws.breaker;

import static dev.assetflow.aws.dynamodb.Attr.*;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.breaker.BreakerState;
import dev.assetflow.domain.breaker.BreakerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link BreakerStore} on DynamoDB: one state item per step ({@code STATE#step}, moved with a
 * condition on its version) and one counter item per step and window ({@code COUNT#step#start},
 * added to atomically, expiring a day later).
 */
public final class DynamoBreakerStore implements BreakerStore {
    private static final Duration KEEP_COUNTS = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBreakerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Counts add(String step, Instant windowStart, long calls, long failures) {
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s("COUNT#" + step + "#" + windowStart.toEpochMilli())))
                    .updateExpression("ADD calls :calls, failures :failures SET expiresAt = :expires")
                    .expressionAttributeValues(Map.of(":calls", n(calls), ":failures", n(failures),
                            ":expires", n(windowStart.plus(KEEP_COUNTS).getEpochSecond())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new Counts(number(after, "calls"), number(after, "failures"));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "count breaker calls of " + step);
        }
    }

    @Override
    public BreakerState state(String step) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(step)).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                return BreakerState.closed(step);
            }
            String probeAt = string(item, "probeAt");
            return new BreakerState(step, BreakerState.Status.valueOf(string(item, "status")), Instant.parse(string(item, "since")),
                    probeAt == null ? null : Instant.parse(probeAt), string(item, "reason"), number(item, "version"),
                    string(item, "intake"));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "read breaker state of " + step);
        }
    }

    @Override
    public boolean move(BreakerState seen, BreakerState next) {
        Map<String, AttributeValue> item = new HashMap<>(key(next.step()));
        item.put("status", s(next.status().name()));
        item.put("since", s(next.since().toString()));
        putIfPresent(item, "probeAt", next.probeAt() == null ? null : next.probeAt().toString());
        putIfPresent(item, "reason", next.reason());
        putIfPresent(item, "intake", next.intake());
        item.put("version", n(next.version()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(seen.version() == 0 ? "attribute_not_exists(pk) OR version = :seen" : "version = :seen")
                    .expressionAttributeValues(Map.of(":seen", n(seen.version()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "move breaker of " + next.step() + " to " + next.status());
        }
    }

    private static Map<String, AttributeValue> key(String step) {
        return Map.of("pk", s("STATE#" + step));
    }
}
