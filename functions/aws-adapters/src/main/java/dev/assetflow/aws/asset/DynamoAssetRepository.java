package dev.assetflow.aws.asset;

import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import static dev.assetflow.aws.dynamodb.Attr.*;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureClass;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.asset.AssetRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link AssetRepository} on DynamoDB. Every state change is one conditional UpdateItem
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html):
 * it applies only if the stored state is still the one the caller saw and the move is allowed, and
 * the history entry is appended in the same write, so two racing writers cannot both win.
 */
public final class DynamoAssetRepository implements AssetRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAssetRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Asset createIfAbsent(Asset asset) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(AssetItems.toItem(asset))
                    .conditionExpression("attribute_not_exists(pk)"));
            return asset;
        } catch (ConditionalCheckFailedException e) {
            return find(asset.id()).orElseThrow(() -> new FailureException(
                    Failure.of(FailureCategory.INTERNAL, "asset " + asset.id() + " exists but cannot be read")));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem asset " + asset.id());
        }
    }

    @Override
    public Optional<Asset> find(AssetId id) {
        try {
            GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                    .key(AssetItems.key(id, AssetItems.ASSET_SK)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(AssetItems.toAsset(response.item())) : Optional.empty();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetItem asset " + id);
        }
    }

    @Override
    public TransitionOutcome transition(Asset current, Transition transition) {
        AssetId id = current.id();
        if (!current.state().canMoveTo(transition.to())) {
            return current.state() == transition.to()
                    ? new TransitionOutcome.AlreadyThere(current)
                    : new TransitionOutcome.Refused(current, transition.to());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        StringBuilder update = new StringBuilder("SET #state = :to, updatedAt = :at, history = list_append(history, :entry)");
        values.put(":to", s(transition.to().name()));
        values.put(":from", s(current.state().name()));
        values.put(":at", s(transition.at().toString()));
        values.put(":entry", AttributeValue.fromL(List.of(AssetItems.historyEntry(transition.historyFrom(current.state())))));
        Map<String, AttributeValue> facts = new HashMap<>();
        facts.putAll(AssetItems.classification(transition.detectedType(), transition.kind()));
        facts.putAll(AssetItems.media(transition.media()));
        facts.putAll(AssetItems.route(transition.route()));
        facts.putAll(AssetItems.failure(transition.failure()));
        set(update, names, values, facts);
        String condition = "#state = :from";
        if (transition.to() == AssetState.PROCESSING && current.route() != null) {
            // work starts only under the route generation its worker read: a priority change in between sent it
            // again elsewhere, and this start is refused (README, "Priority changes")
            values.put(":generation", n(current.route().generation()));
            condition += current.route().generation() == 0
                    ? " AND (attribute_not_exists(routeGeneration) OR routeGeneration = :generation)"
                    : " AND routeGeneration = :generation";
        }
        String conditionExpression = condition;
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table)
                    .key(AssetItems.key(id, AssetItems.ASSET_SK))
                    .updateExpression(update.toString())
                    .conditionExpression(conditionExpression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return new TransitionOutcome.Applied(AssetItems.toAsset(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            Asset stored = find(id).orElseThrow(() -> new FailureException(Failure.of(FailureCategory.INVALID_MESSAGE,
                    "asset " + id + " does not exist")));
            boolean sameRoute = transition.to() != AssetState.PROCESSING || current.route() == null || stored.route() == null
                    || current.route().generation() == stored.route().generation();
            return stored.state() == transition.to() && sameRoute
                    ? new TransitionOutcome.AlreadyThere(stored)
                    : new TransitionOutcome.Refused(stored, transition.to());
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "UpdateItem asset " + id + " to " + transition.to());
        }
    }

    @Override
    public Optional<Asset> reroute(Asset current, RouteInfo route, HistoryEntry entry) {
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(current.state().name()),
                ":at", s(entry.at().toString()), ":entry", AttributeValue.fromL(List.of(AssetItems.historyEntry(entry))),
                ":generation", n(current.route().generation())));
        StringBuilder update = new StringBuilder("SET updatedAt = :at, history = list_append(history, :entry)");
        set(update, names, values, AssetItems.route(route));
        // records written before generations existed have none: generation 0
        String sameGeneration = current.route().generation() == 0
                ? "(attribute_not_exists(routeGeneration) OR routeGeneration = :generation)" : "routeGeneration = :generation";
        return updateIf(current.id(), update.toString(), "#state = :state AND " + sameGeneration, names, values,
                "UpdateItem route of asset " + current.id());
    }

    @Override
    public boolean note(AssetId id, HistoryEntry entry) {
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(entry.from().name()),
                ":entry", AttributeValue.fromL(List.of(AssetItems.historyEntry(entry)))));
        return updateIf(id, "SET history = list_append(history, :entry)", "#state = :state", names, values,
                "UpdateItem note on asset " + id).isPresent();
    }

    @Override
    public Optional<Asset> reopenToRedo(Asset current, RouteInfo route, String why, Instant at, String by) {
        HistoryEntry entry = new HistoryEntry(current.state(), AssetState.QUEUED, at, by, why, route.rule(), route.configVersion());
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(AssetState.QUEUED.name()),
                ":state", s(current.state().name()), ":read", s(current.updatedAt().toString()), ":at", s(at.toString()),
                ":entry", AttributeValue.fromL(List.of(AssetItems.historyEntry(entry)))));
        StringBuilder update = new StringBuilder("SET #state = :to, updatedAt = :at, history = list_append(history, :entry)");
        set(update, names, values, AssetItems.route(route));
        update.append(" REMOVE failureCategory, failureReason, terminalAnnounced");
        return updateIf(current.id(), update.toString(), "#state = :state AND updatedAt = :read", names, values,
                "UpdateItem reopen asset " + current.id() + " to redo it");
    }

    /** {@code SET #name = :name} for each attribute, its name and value added to the expression's maps. */
    private static void set(StringBuilder update, Map<String, String> names, Map<String, AttributeValue> values,
            Map<String, AttributeValue> attributes) {
        attributes.forEach((name, value) -> {
            update.append(", #").append(name).append(" = :").append(name);
            names.put("#" + name, name);
            values.put(":" + name, value);
        });
    }

    /** A conditional update of the asset's record: the record as stored after it, or empty when the condition failed. */
    private Optional<Asset> updateIf(AssetId id, String update, String condition, Map<String, String> names,
            Map<String, AttributeValue> values, String doing) {
        try {
            return Optional.of(AssetItems.toAsset(dynamo.updateItem(b -> b.tableName(table)
                    .key(AssetItems.key(id, AssetItems.ASSET_SK))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, doing);
        }
    }

    @Override
    public boolean putBack(Asset previous, Asset reopened) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(AssetItems.toItem(previous))
                    .conditionExpression("#state = :queued AND updatedAt = :reopened")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":queued", s(AssetState.QUEUED.name()), ":reopened", s(reopened.updatedAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem asset " + previous.id() + " back");
        }
    }

    /**
     * The READY and PARTIAL assets made with a profile, by a scan: for the reprocess command, never on a function's path.
     */
    public List<Asset> finishedWithProfile(String profile) {
        try {
            return dynamo.scanPaginator(b -> b.tableName(table)
                            .filterExpression("sk = :asset AND routeProfile = :profile AND (#state = :ready OR #state = :partial)")
                            .expressionAttributeNames(Map.of("#state", "state"))
                            .expressionAttributeValues(Map.of(":asset", s(AssetItems.ASSET_SK), ":profile", s(profile),
                                    ":ready", s(AssetState.READY.name()), ":partial", s(AssetState.PARTIAL.name()))))
                    .items().stream().map(AssetItems::toAsset).toList();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Scan assets made with " + profile);
        }
    }

    @Override
    public Asset reopen(Asset asset, AssetState to, Instant at, String by) {
        if (!asset.reopenable() && !asset.repairable()) {
            return asset;
        }
        String why = asset.repairable() ? "reopened for a repair of its missing renditions (" + asset.failure() + ")"
                : "reopened: its dead-lettered message was redriven (" + asset.failure() + ")";
        HistoryEntry entry = new HistoryEntry(asset.state(), to, at, by, why, null, null);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", s(to.name()));
        values.put(":failed", s(AssetState.FAILED.name()));
        values.put(":partial", s(AssetState.PARTIAL.name()));
        values.put(":at", s(at.toString()));
        values.put(":entry", AttributeValue.fromL(List.of(AssetItems.historyEntry(entry))));
        List<String> reopenable = new ArrayList<>();
        for (FailureCategory category : FailureCategory.values()) {
            if (category.failureClass() != FailureClass.PERMANENT_INPUT) {
                values.put(":" + category.name(), s(category.name()));
                reopenable.add(":" + category.name());
            }
        }
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table)
                    .key(AssetItems.key(asset.id(), AssetItems.ASSET_SK))
                    .updateExpression("SET #state = :to, updatedAt = :at, history = list_append(history, :entry)"
                            + " REMOVE failureCategory, failureReason, terminalAnnounced")
                    .conditionExpression("(#state = :failed AND failureCategory IN (" + String.join(", ", reopenable) + "))"
                            + " OR #state = :partial")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return AssetItems.toAsset(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            return find(asset.id()).orElse(asset);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "UpdateItem reopen asset " + asset.id());
        }
    }

    /**
     * Every asset in a state, by a scan of the table: for operator commands (repair), never on a
     * function's path.
     */
    public List<AssetId> idsInState(AssetState state) {
        try {
            return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("#state = :state AND sk = :asset")
                            .expressionAttributeNames(Map.of("#state", "state"))
                            .expressionAttributeValues(Map.of(":state", s(state.name()), ":asset", s(AssetItems.ASSET_SK))))
                    .items().stream().map(item -> AssetItems.toAsset(item).id()).toList();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Scan assets in state " + state);
        }
    }

    /**
     * The assets created since {@code since}, at most {@code limit} of them (newest first), by a scan: for
     * operator commands (a rule change's dry run), never on a function's path.
     */
    public List<Asset> createdSince(Instant since, int limit) {
        try {
            return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("createdAt >= :since AND sk = :asset")
                            .expressionAttributeValues(Map.of(":since", s(since.toString()), ":asset", s(AssetItems.ASSET_SK))))
                    .items().stream().map(AssetItems::toAsset)
                    .sorted(java.util.Comparator.comparing(Asset::createdAt).reversed()).limit(limit).toList();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Scan assets created since " + since);
        }
    }

    @Override
    public void recordMedia(AssetId id, Map<String, Object> media) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(AssetItems.key(id, AssetItems.ASSET_SK))
                    .updateExpression("SET media = :media")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(AssetItems.media(media).entrySet().stream()
                            .collect(Collectors.toMap(e -> ":" + e.getKey(), Map.Entry::getValue))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "UpdateItem media of " + id);
        }
    }

    @Override
    public boolean replaceMedia(AssetId id, Map<String, Object> expected, Map<String, Object> media) {
        Map<String, AttributeValue> values = new HashMap<>();
        AssetItems.media(media).forEach((name, value) -> values.put(":media", value));
        AssetItems.media(expected).forEach((name, value) -> values.put(":expected", value));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(AssetItems.key(id, AssetItems.ASSET_SK))
                    .updateExpression("SET media = :media")
                    .conditionExpression(values.containsKey(":expected") ? "media = :expected" : "attribute_exists(pk) AND attribute_not_exists(media)")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "UpdateItem media of " + id);
        }
    }

    @Override
    public void markTerminalAnnounced(AssetId id) {
        setFlag(id, AssetItems.ASSET_SK, "terminalAnnounced");
    }

    @Override
    public int deleteAll(AssetId id) {
        try {
            int deleted = 0;
            for (var page : dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                    .projectionExpression("pk, sk").expressionAttributeValues(Map.of(":pk", s("ASSET#" + id.value()))))) {
                List<Map<String, AttributeValue>> keys = page.items();
                for (int from = 0; from < keys.size(); from += 25) { // BatchWriteItem takes 25 requests
                    List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + 25)).stream()
                            .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList();
                    writeAll(batch);
                    deleted += batch.size();
                }
            }
            return deleted;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "deleting the records of asset " + id);
        }
    }

    /** A batch, with what DynamoDB left unprocessed sent again a few times, then a transient failure. */
    private void writeAll(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 5) {
                throw new FailureException(Failure.of(FailureCategory.TRANSIENT, pending.get(table).size()
                        + " records were left unprocessed after 5 batch writes; ask again"));
            }
            Map<String, List<WriteRequest>> request = pending;
            var response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    @Override
    public List<Rendition> renditions(AssetId id) {
        try {
            List<Rendition> renditions = new ArrayList<>();
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("ASSET#" + id.value()),
                                ":prefix", s(AssetItems.RENDITION_SK_PREFIX)))
                        .exclusiveStartKey(from));
                page.items().forEach(item -> renditions.add(AssetItems.toRendition(item)));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
            return renditions;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Query renditions of " + id);
        }
    }

    @Override
    public boolean checkpointRendition(Rendition done) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(AssetItems.toItem(done))
                    .conditionExpression("attribute_not_exists(pk) OR #state <> :done")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":done", s(RenditionState.DONE.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutItem checkpoint " + done.checkpointKey() + " of " + done.assetId());
        }
    }

    @Override
    public void markRenditionAnnounced(AssetId id, String checkpointKey) {
        setFlag(id, AssetItems.RENDITION_SK_PREFIX + checkpointKey, "announced");
    }

    private void setFlag(AssetId id, String sk, String flag) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(AssetItems.key(id, sk))
                    .updateExpression("SET #flag = :true")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#flag", flag))
                    .expressionAttributeValues(Map.of(":true", bool(true))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "UpdateItem " + flag + " of " + id);
        }
    }
}
