package dev.assetflow.aws.shadow;

import static dev.assetflow.aws.dynamodb.Attr.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.shadow.ShadowLedger;
import dev.assetflow.domain.shadow.ShadowResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link ShadowLedger} in the assets table, beside the asset: {@code pk = ASSET#<id>},
 * {@code sk = SHADOW#<profile>#v<version>}, the run as JSON. The asset's own queries (its record, its renditions,
 * its chunks) read other sort-key prefixes, so shadow runs never show up in them.
 */
public final class DynamoShadowLedger implements ShadowLedger {
    private static final String SK_PREFIX = "SHADOW#";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoShadowLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(ShadowResult result) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", s("ASSET#" + result.assetId()),
                    "sk", s(SK_PREFIX + result.profile() + "#v" + result.profileVersion()),
                    "shadowProfile", s(result.profile()),
                    "result", s(Json.write(result)))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem shadow run of asset " + result.assetId());
        }
    }

    /** A scan: for the report, an operator's command, never on a function's path. */
    @Override
    public List<ShadowResult> ofProfile(String profile) {
        try {
            return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("begins_with(sk, :prefix) AND shadowProfile = :profile")
                            .expressionAttributeValues(Map.of(":prefix", s(SK_PREFIX), ":profile", s(profile))))
                    .items().stream().map(item -> read(item.get("result").s())).toList();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Scan shadow runs of " + profile);
        }
    }

    private static ShadowResult read(String json) {
        try {
            return Json.read(json, ShadowResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored shadow run is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
