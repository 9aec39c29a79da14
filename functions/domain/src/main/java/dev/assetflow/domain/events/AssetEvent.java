package dev.assetflow.domain.events;

import java.util.List;
import java.util.ArrayList;
import dev.assetflow.domain.idempotency.IdempotencyKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of the asset-events contract (schema version {@value #SCHEMA_VERSION}). Consumers
 * deduplicate by {@link #eventId()}, which is derived from (assetId, type, rendition, profileVersion).
 */
public record AssetEvent(
        int schemaVersion,
        String eventId,
        EventType type,
        String assetId,
        Instant occurredAt,
        String correlationId,
        String kind,
        String priority,
        String state,
        RenditionDetails rendition,
        String failureCategory,
        String reason,
        String sourceBucket,
        String sourceKey) {

    public static final int SCHEMA_VERSION = 1;

    /** The message attributes SNS filter policies match on. */
    public Map<String, String> messageAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", type.wireName());
        if (kind != null) {
            attributes.put("kind", kind);
        }
        if (priority != null) {
            attributes.put("priority", priority);
        }
        return attributes;
    }

    /**
     * The same event gets the same id however often it is published: a rendition's by its name and profile version, a
     * terminal event by when the asset entered that state ({@code enteredAt}), so that the asset.ready of a reprocess
     * (or the asset.failed of a redriven asset failing again) is a new event, not a duplicate of the first.
     */
    static String eventIdFor(String assetId, EventType type, RenditionDetails rendition, Instant enteredAt) {
        String renditionPart = rendition == null ? "" : rendition.name();
        String versionPart = rendition == null ? "" : rendition.profile() + "@" + rendition.profileVersion();
        List<String> parts = new ArrayList<>(List.of(assetId, type.wireName(), renditionPart, versionPart));
        if (enteredAt != null) {
            parts.add(enteredAt.toString());
        }
        return IdempotencyKey.sha256(String.join("|", parts));
    }
}
