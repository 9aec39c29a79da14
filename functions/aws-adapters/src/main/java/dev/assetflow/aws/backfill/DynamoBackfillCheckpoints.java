package dev.assetflow.aws.backfill;

import static dev.assetflow.aws.dynamodb.Attr.n;
import static dev.assetflow.aws.dynamodb.Attr.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.backfill.BackfillCheckpoints;
import dev.assetflow.domain.backfill.BackfillRun;
import dev.assetflow.domain.json.Json;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link BackfillCheckpoints} in the backfills table: {@code pk = <runId>}, the run as JSON, and its {@code version}. */
public final class DynamoBackfillCheckpoints implements BackfillCheckpoints {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBackfillCheckpoints(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(BackfillRun run) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(run)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem backfill " + run.runId());
        }
    }

    @Override
    public Optional<BackfillRun> load(String runId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", s(runId)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item.get("run").s()));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetItem backfill " + runId);
        }
    }

    @Override
    public Optional<BackfillRun> save(BackfillRun run) {
        BackfillRun next = run.nextVersion();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(next)).conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(run.version()))));
            return Optional.of(next);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem backfill " + run.runId());
        }
    }

    private static Map<String, AttributeValue> item(BackfillRun run) {
        return Map.of("pk", s(run.runId()), "version", n(run.version()), "state", s(run.state().name()), "run", s(Json.write(run)));
    }

    private static BackfillRun read(String json) {
        try {
            return Json.read(json, BackfillRun.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored backfill run is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
