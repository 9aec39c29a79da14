package dev.assetflow.aws.asset;

import static dev.assetflow.aws.dynamodb.Attr.s;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.listing.AssetListing;
import dev.assetflow.domain.listing.AssetQuery;
import dev.assetflow.domain.listing.AssetSummary;
import dev.assetflow.domain.listing.ListingKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link AssetListing} on the assets table's {@code by-state} index (partition {@code state}, sort {@code listedAt}:
 * {@link ListingKey}; only asset items carry {@code listedAt}, so renditions and ledgers stay out of it). One state
 * is one Query; all states are one Query each, merged newest first. Filters other than the state are applied by
 * DynamoDB to what each Query reads, so a page reads at most {@link #READ_BUDGET} items per state and may end
 * early with a cursor (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html).
 */
public final class DynamoAssetListing implements AssetListing {
    public static final String INDEX = "by-state";
    static final int READ_BUDGET = 1000;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAssetListing(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What one state's Query found: its matches, newest first, and where it stopped when it could not finish. */
    private record Found(List<Map<String, AttributeValue>> matches, Optional<String> stoppedAt) {}

    @Override
    public Page list(AssetQuery query) {
        String upper = query.cursor() != null ? ListingKey.parse(query.cursor()).orElseThrow() : ListingKey.at(query.until());
        String lower = ListingKey.at(query.since());
        List<AssetState> states = query.state() != null ? List.of(query.state()) : List.of(AssetState.values());
        List<Found> found = states.stream().map(state -> query(state, lower, upper, query)).toList();
        // below the newest point where a state's reading stopped, that state's assets are not known yet
        String floor = found.stream().flatMap(f -> f.stoppedAt().stream()).max(Comparator.naturalOrder()).orElse("");
        List<Map<String, AttributeValue>> merged = found.stream().flatMap(f -> f.matches().stream())
                .filter(item -> listedAt(item).compareTo(floor) >= 0)
                .sorted(Comparator.comparing(DynamoAssetListing::listedAt).reversed())
                .limit(query.limit()).toList();
        String cursor = merged.size() == query.limit() ? listedAt(merged.get(merged.size() - 1)) : floor.isEmpty() ? null : floor;
        return new Page(merged.stream().map(DynamoAssetListing::summary).toList(), cursor == null ? null : ListingKey.cursor(cursor));
    }

    private Found query(AssetState state, String lower, String upper, AssetQuery query) {
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(state.name()), ":lower", s(lower), ":upper", s(upper)));
        String filter = filter(query, names, values);
        List<Map<String, AttributeValue>> matches = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int read = 0;
        try {
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(INDEX)
                        .keyConditionExpression("#state = :state AND listedAt BETWEEN :lower AND :upper")
                        .filterExpression(filter).expressionAttributeNames(names).expressionAttributeValues(values)
                        .scanIndexForward(false).limit(Math.min(READ_BUDGET, query.limit() * 4)).exclusiveStartKey(from));
                read += page.scannedCount();
                page.items().stream().filter(item -> !listedAt(item).equals(upper)) // the cursor's own asset was on the last page
                        .limit(query.limit() - matches.size()).forEach(matches::add);
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && matches.size() < query.limit() && read < READ_BUDGET);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "listing " + state + " assets");
        }
        boolean unfinished = start != null && matches.size() < query.limit();
        return new Found(matches, unfinished ? Optional.of(start.get("listedAt").s()) : Optional.empty());
    }

    /** The query's filters besides the state, as a FilterExpression (a no-op one when there are none). */
    private static String filter(AssetQuery query, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> terms = new ArrayList<>();
        terms.add("attribute_exists(assetId)");
        if (query.kind() != null) {
            names.put("#kind", "kind");
            values.put(":kind", s(query.kind().name()));
            terms.add("#kind = :kind");
        }
        if (query.priority() != null) {
            values.put(":queue", s(query.priority().name()));
            terms.add("routeQueue = :queue");
        }
        if (query.engine() != null) {
            values.put(":engine", s(query.engine()));
            terms.add(query.engine().equals("ffmpeg")
                    ? "(attribute_not_exists(routeTranscoder) OR begins_with(routeTranscoder, :engine))" : "routeTranscoder = :engine");
        }
        if (query.keyPrefix() != null) {
            values.put(":prefix", s(query.keyPrefix()));
            terms.add("begins_with(sourceKey, :prefix)");
        }
        return String.join(" AND ", terms);
    }

    private static String listedAt(Map<String, AttributeValue> item) {
        return item.get("listedAt").s();
    }

    private static AssetSummary summary(Map<String, AttributeValue> item) {
        String transcoder = text(item, "routeTranscoder");
        String queue = text(item, "routeQueue");
        String kind = text(item, "kind");
        return new AssetSummary(text(item, "assetId"), text(item, "state"), kind == null ? null : kind.toLowerCase(Locale.ROOT),
                queue == null ? null : Priority.valueOf(queue).label(), queue == null ? null : transcoder == null ? "ffmpeg" : transcoder,
                text(item, "sourceKey"), item.containsKey("sourceSize") ? Long.parseLong(item.get("sourceSize").n()) : 0,
                Instant.parse(text(item, "createdAt")), Instant.parse(text(item, "updatedAt")), text(item, "failureCategory"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
