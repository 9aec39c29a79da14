package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import java.time.Instant;

/**
 * The message ingest sends to a work queue (or the review queue): everything a worker needs, so that
 * it does not have to re-classify. Schema version {@value #SCHEMA_VERSION}.
 */
public record WorkMessage(
        int schemaVersion,
        String assetId,
        String kind,
        String mimeType,
        SourceObject source,
        RouteInfo route,
        String reason,
        Instant enqueuedAt) {

    public static final int SCHEMA_VERSION = 1;
}
