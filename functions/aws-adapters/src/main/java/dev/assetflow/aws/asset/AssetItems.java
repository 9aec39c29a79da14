package dev.assetflow.aws.asset;

import static dev.assetflow.aws.dynamodb.Attr.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.assetflow.domain.listing.ListingKey;
import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The assets table layout: one partition per asset ({@code pk = ASSET#<id>}), the asset itself at
 * {@code sk = ASSET} with its history as a list, and one item per rendition checkpoint at
 * {@code sk = RENDITION#<profile>#v<version>#<name>}. Reading an asset with its renditions is one Query.
 */
final class AssetItems {
    static final String ASSET_SK = "ASSET";
    static final String RENDITION_SK_PREFIX = "RENDITION#";

    private AssetItems() {
    }

    static Map<String, AttributeValue> key(AssetId id, String sk) {
        return Map.of("pk", s("ASSET#" + id.value()), "sk", s(sk));
    }

    static Map<String, AttributeValue> toItem(Asset asset) {
        Map<String, AttributeValue> item = new HashMap<>(key(asset.id(), ASSET_SK));
        item.put("assetId", s(asset.id().value()));
        item.put("state", s(asset.state().name()));
        SourceObject source = asset.source();
        item.put("sourceBucket", s(source.bucket()));
        item.put("sourceKey", s(source.key()));
        putIfPresent(item, "sourceEtag", source.etag());
        putIfPresent(item, "sourceVersionId", source.versionId());
        item.put("sourceSize", n(source.sizeBytes()));
        putIfPresent(item, "declaredType", asset.declaredType());
        item.putAll(classification(asset.detectedType(), asset.kind()));
        item.putAll(media(asset.media()));
        item.putAll(route(asset.route()));
        item.putAll(failure(asset.failure()));
        item.put("createdAt", s(asset.createdAt().toString()));
        // the sort key of the by-state index the status API lists from (asset items only: DynamoAssetListing)
        item.put("listedAt", s(ListingKey.of(asset.createdAt(), asset.id().value())));
        item.put("updatedAt", s(asset.updatedAt().toString()));
        item.put("terminalAnnounced", bool(asset.terminalAnnounced()));
        item.put("history", AttributeValue.fromL(asset.history().stream().map(AssetItems::historyEntry).toList()));
        return item;
    }

    static Map<String, AttributeValue> classification(String detectedType, MediaKind kind) {
        Map<String, AttributeValue> values = new HashMap<>();
        putIfPresent(values, "detectedType", detectedType);
        putIfPresent(values, "kind", kind == null ? null : kind.name());
        return values;
    }

    /**
     * Probe results, kept as one JSON string: their shape varies by kind and nobody queries inside them.
     * Written with keys in order, so the same map always gives the same string and a conditional write can
     * compare what is recorded with what a writer read ({@code replaceMedia}).
     */
    static Map<String, AttributeValue> media(Map<String, Object> media) {
        Map<String, AttributeValue> values = new HashMap<>();
        if (media != null && !media.isEmpty()) {
            try {
                values.put("media", s(CANONICAL.writeValueAsString(media)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("media that is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return values;
    }

    private static final ObjectMapper CANONICAL = Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Map<String, Object> media(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored media info is not JSON", e);
        }
    }

    static Map<String, AttributeValue> route(RouteInfo route) {
        Map<String, AttributeValue> values = new HashMap<>();
        if (route != null) {
            values.put("routeQueue", s(route.queue().name()));
            putIfPresent(values, "routeRule", route.rule());
            putIfPresent(values, "routeProfile", route.profile());
            putIfPresent(values, "routeTranscoder", route.transcoder());
            putIfPresent(values, "routeWorkQueue", route.workQueue());
            values.put("routeConfigVersion", n(route.configVersion()));
            values.put("routeGeneration", n(route.generation()));
            putIfPresent(values, "routeShadowProfile", route.shadowProfile());
        }
        return values;
    }

    static Map<String, AttributeValue> failure(Failure failure) {
        Map<String, AttributeValue> values = new HashMap<>();
        if (failure != null) {
            values.put("failureCategory", s(failure.category().name()));
            values.put("failureReason", s(failure.reason()));
        }
        return values;
    }

    static AttributeValue historyEntry(HistoryEntry entry) {
        Map<String, AttributeValue> map = new HashMap<>();
        putIfPresent(map, "from", entry.from() == null ? null : entry.from().name());
        map.put("to", s(entry.to().name()));
        map.put("at", s(entry.at().toString()));
        map.put("by", s(entry.by()));
        putIfPresent(map, "reason", entry.reason());
        putIfPresent(map, "rule", entry.rule());
        putIfPresent(map, "configVersion", entry.configVersion());
        return AttributeValue.fromM(map);
    }

    static Asset toAsset(Map<String, AttributeValue> item) {
        String routeQueue = string(item, "routeQueue");
        RouteInfo route = routeQueue == null ? null : new RouteInfo(Priority.valueOf(routeQueue),
                string(item, "routeRule"), string(item, "routeProfile"), string(item, "routeTranscoder"),
                integer(item, "routeConfigVersion"), string(item, "routeWorkQueue"),
                item.containsKey("routeGeneration") ? integer(item, "routeGeneration") : 0, string(item, "routeShadowProfile"));
        String failureCategory = string(item, "failureCategory");
        Failure failure = failureCategory == null ? null
                : Failure.of(FailureCategory.valueOf(failureCategory), string(item, "failureReason"));
        String kind = string(item, "kind");
        return new Asset(
                new AssetId(string(item, "assetId")),
                AssetState.valueOf(string(item, "state")),
                new SourceObject(string(item, "sourceBucket"), string(item, "sourceKey"), string(item, "sourceEtag"),
                        string(item, "sourceVersionId"), number(item, "sourceSize")),
                string(item, "declaredType"),
                string(item, "detectedType"),
                kind == null ? null : MediaKind.valueOf(kind),
                media(string(item, "media")),
                route,
                failure,
                Instant.parse(string(item, "createdAt")),
                Instant.parse(string(item, "updatedAt")),
                flag(item, "terminalAnnounced"),
                history(item.get("history")));
    }

    private static List<HistoryEntry> history(AttributeValue list) {
        List<HistoryEntry> entries = new ArrayList<>();
        if (list == null || !list.hasL()) {
            return entries;
        }
        for (AttributeValue value : list.l()) {
            Map<String, AttributeValue> m = value.m();
            String from = string(m, "from");
            entries.add(new HistoryEntry(from == null ? null : AssetState.valueOf(from),
                    AssetState.valueOf(string(m, "to")), Instant.parse(string(m, "at")), string(m, "by"),
                    string(m, "reason"), string(m, "rule"), integer(m, "configVersion")));
        }
        return entries;
    }

    static Map<String, AttributeValue> toItem(Rendition r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.assetId(), RENDITION_SK_PREFIX + r.checkpointKey()));
        item.put("assetId", s(r.assetId().value()));
        item.put("profile", s(r.profile()));
        item.put("profileVersion", n(r.profileVersion()));
        item.put("name", s(r.name()));
        item.put("state", s(r.state().name()));
        item.put("bucket", s(r.bucket()));
        item.put("key", s(r.key()));
        item.put("contentType", s(r.contentType()));
        item.put("bytes", n(r.bytes()));
        putIfPresent(item, "width", r.width());
        putIfPresent(item, "height", r.height());
        item.put("announced", bool(r.announced()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        putIfPresent(item, "definition", r.definition());
        return item;
    }

    static Rendition toRendition(Map<String, AttributeValue> item) {
        return new Rendition(new AssetId(string(item, "assetId")), string(item, "profile"),
                integer(item, "profileVersion"), string(item, "name"), RenditionState.valueOf(string(item, "state")),
                string(item, "bucket"), string(item, "key"), string(item, "contentType"), number(item, "bytes"),
                integer(item, "width"), integer(item, "height"), flag(item, "announced"),
                Instant.parse(string(item, "updatedAt")), string(item, "definition"));
    }
}
