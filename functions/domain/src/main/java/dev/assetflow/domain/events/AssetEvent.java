package dev.assetflow.domain.events;

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

    static String eventIdFor(String assetId, EventType type, RenditionDetails rendition) {
        String renditionPart = rendition == null ? "" : rendition.name();
        String versionPart = rendition == null ? "" : rendition.profile() + "@" + rendition.profileVersion();
        return IdempotencyKey.sha256(String.join("|", assetId, type.wireName(), renditionPart, versionPart));
    }
}
