package dev.assetflow.aws.webhook;

import static dev.assetflow.aws.dynamodb.Attr.integer;
import static dev.assetflow.aws.dynamodb.Attr.n;
import static dev.assetflow.aws.dynamodb.Attr.putIfPresent;
import static dev.assetflow.aws.dynamodb.Attr.s;
import static dev.assetflow.aws.dynamodb.Attr.string;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.webhook.DeliveryLog;
import dev.assetflow.domain.webhook.DeliveryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DeliveryLog} on the webhook-deliveries table: partition {@code endpoint}, sort {@code eventId}, so one endpoint's
 * deliveries are one Query; each record expires {@link #KEPT} after its last attempt (TTL {@code expiresAt}).
 */
public final class DynamoDeliveryLog implements DeliveryLog {
    static final Duration KEPT = Duration.ofDays(30);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeliveryLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<DeliveryRecord> find(String endpoint, String eventId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("endpoint", s(endpoint), "eventId", s(eventId)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(record(item));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetItem delivery " + endpoint + "/" + eventId);
        }
    }

    @Override
    public void save(DeliveryRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("endpoint", s(record.endpoint()));
        item.put("eventId", s(record.eventId()));
        putIfPresent(item, "type", record.type());
        putIfPresent(item, "assetId", record.assetId());
        item.put("status", s(record.status().name()));
        item.put("attempts", n(record.attempts()));
        putIfPresent(item, "lastStatus", record.lastStatus());
        putIfPresent(item, "lastError", record.lastError() == null ? null
                : record.lastError().length() <= 1000 ? record.lastError() : record.lastError().substring(0, 1000) + "…");
        putIfPresent(item, "lastErrorAt", record.lastErrorAt() == null ? null : record.lastErrorAt().toString());
        item.put("firstAttemptAt", s(record.firstAttemptAt().toString()));
        item.put("updatedAt", s(record.updatedAt().toString()));
        item.put("replays", n(record.replays()));
        item.put("expiresAt", n(record.updatedAt().plus(KEPT).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem delivery " + record.endpoint() + "/" + record.eventId());
        }
    }

    @Override
    public List<DeliveryRecord> of(String endpoint) {
        List<DeliveryRecord> records = new ArrayList<>();
        try {
            dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("endpoint = :endpoint")
                            .expressionAttributeValues(Map.of(":endpoint", s(endpoint))))
                    .items().forEach(item -> records.add(record(item)));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Query deliveries of " + endpoint);
        }
        return records;
    }

    private static DeliveryRecord record(Map<String, AttributeValue> item) {
        return new DeliveryRecord(string(item, "endpoint"), string(item, "eventId"), string(item, "type"), string(item, "assetId"),
                DeliveryRecord.Status.valueOf(string(item, "status")), integer(item, "attempts"), integer(item, "lastStatus"),
                string(item, "lastError"), string(item, "lastErrorAt") == null ? null : Instant.parse(string(item, "lastErrorAt")),
                Instant.parse(string(item, "firstAttemptAt")), Instant.parse(string(item, "updatedAt")),
                integer(item, "replays") == null ? 0 : integer(item, "replays"));
    }
}
