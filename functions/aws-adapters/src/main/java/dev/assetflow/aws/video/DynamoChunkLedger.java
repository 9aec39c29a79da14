package dev.assetflow.aws.video;

import static dev.assetflow.aws.dynamodb.Attr.n;
import static dev.assetflow.aws.dynamodb.Attr.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.video.ChunkLedger;
import dev.assetflow.domain.video.ChunkResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The fan-in in the assets table, beside the asset: one item per chunk result
 * ({@code sk = CHUNK#<profile>#v<version>#<index>}) and one count
 * ({@code sk = CHUNKS#<profile>#v<version>}: {@code chunkTotal} and the set {@code chunksDone} of done chunk indexes). Counting is one
 * UpdateItem that adds the index to the set on condition it is not in it yet, returning the new set, so
 * exactly one writer sees the set become whole
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html).
 */
public final class DynamoChunkLedger implements ChunkLedger {
    private static final TypeReference<Map<String, List<ChunkResult.Segment>>> SEGMENTS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoChunkLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Count recordDone(AssetId asset, String profile, int profileVersion, int totalChunks, ChunkResult result) {
        String set = "CHUNKS#" + profile + "#v" + profileVersion;
        try {
            // the result first (same content on a retry): a counted chunk always has its segments on record
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", pk(asset), "sk", s(chunkKey(set, result.chunkIndex())),
                    "segments", s(Json.write(result.segmentsByRung())), "encodeMillis", n(result.encodeMillis()))));
            Map<String, AttributeValue> counted = dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", pk(asset), "sk", s(set)))
                    .updateExpression("ADD chunksDone :index SET chunkTotal = :total")
                    .conditionExpression("attribute_not_exists(chunksDone) OR NOT contains(chunksDone, :chunk)")
                    .expressionAttributeValues(Map.of(":index", AttributeValue.fromNs(List.of(Integer.toString(result.chunkIndex()))),
                            ":chunk", n(result.chunkIndex()), ":total", n(totalChunks)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            int done = counted.get("chunksDone").ns().size();
            return done == totalChunks ? new Count.Completed(totalChunks) : new Count.Counted(done, totalChunks);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", pk(asset), "sk", s(set)))).item();
            return new Count.AlreadyCounted(current.get("chunksDone").ns().size(), Integer.parseInt(current.get("chunkTotal").n()));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "counting chunk " + result.chunkIndex() + " of asset " + asset);
        }
    }

    @Override
    public boolean claimAssembly(AssetId asset, String profile, int profileVersion, Instant until, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", pk(asset), "sk", s("CHUNKS#" + profile + "#v" + profileVersion)))
                    .updateExpression("SET assemblyUntil = :until")
                    .conditionExpression("attribute_exists(chunkTotal) AND (attribute_not_exists(assemblyUntil) OR assemblyUntil < :now)")
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "claiming the assembly of asset " + asset);
        }
    }

    @Override
    public Set<Integer> counted(AssetId asset, String profile, int profileVersion) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", pk(asset), "sk", s("CHUNKS#" + profile + "#v" + profileVersion)))).item();
            AttributeValue done = item == null ? null : item.get("chunksDone");
            return done == null ? Set.of() : done.ns().stream().map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "reading the counted chunks of asset " + asset);
        }
    }

    @Override
    public List<ChunkResult> results(AssetId asset, String profile, int profileVersion) {
        String prefix = "CHUNK#" + profile + "#v" + profileVersion + "#";
        try {
            List<ChunkResult> results = new ArrayList<>();
            dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", pk(asset), ":prefix", s(prefix)))).items().forEach(item -> {
                String sk = item.get("sk").s();
                AttributeValue millis = item.get("encodeMillis"); // absent on chunks recorded before it was
                results.add(new ChunkResult(Integer.parseInt(sk.substring(prefix.length())), segments(item.get("segments").s()),
                        millis == null ? 0 : Long.parseLong(millis.n())));
            });
            return results; // the sort key's zero-padded index keeps them in chunk order
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "reading the chunks of asset " + asset);
        }
    }

    @Override
    public List<Progress> progress(AssetId asset) {
        try {
            List<Progress> progress = new ArrayList<>();
            dynamo.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", pk(asset), ":prefix", s("CHUNKS#")))).items().forEach(item -> {
                String[] key = item.get("sk").s().split("#");
                AttributeValue done = item.get("chunksDone");
                progress.add(new Progress(key[1], Integer.parseInt(key[2].substring(1)), done == null ? 0 : done.ns().size(),
                        Integer.parseInt(item.get("chunkTotal").n())));
            });
            return progress;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "reading the chunk progress of asset " + asset);
        }
    }

    private static Map<String, List<ChunkResult.Segment>> segments(String json) {
        try {
            return Json.mapper().readValue(json, SEGMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chunk record is not the JSON this ledger writes: " + e.getMessage(), e);
        }
    }

    private static String chunkKey(String set, int index) {
        return "CHUNK#" + set.substring("CHUNKS#".length()) + "#" + String.format(Locale.ROOT, "%06d", index);
    }

    private static AttributeValue pk(AssetId asset) {
        return s("ASSET#" + asset.value());
    }
}
