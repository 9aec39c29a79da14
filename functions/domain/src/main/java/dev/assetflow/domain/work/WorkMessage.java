package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import java.time.Instant;
import java.util.Optional;

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
        Instant enqueuedAt,
        Boolean repair,
        Boolean shadow) {

    public static final int SCHEMA_VERSION = 1;

    public WorkMessage(int schemaVersion, String assetId, String kind, String mimeType, SourceObject source, RouteInfo route,
            String reason, Instant enqueuedAt) {
        this(schemaVersion, assetId, kind, mimeType, source, route, reason, enqueuedAt, null, null);
    }

    /**
     * A shadow copy of the work (README, "Shadow pipeline"): made with the rule's shadow profile into the shadow
     * prefix, announced to nobody, never moving the asset; its failures are recorded, never retried.
     */
    public boolean forShadow() {
        return Boolean.TRUE.equals(shadow);
    }

    public WorkMessage asShadow(Instant at) {
        return new WorkMessage(schemaVersion, assetId, kind, mimeType, source, route.shadowCopy(), "shadow of " + route.profile(), at,
                null, true);
    }

    /** The work for an asset as it is recorded: what ingest sends, and what a repair sends again. */
    public static WorkMessage of(Asset asset, String reason, Instant at) {
        return new WorkMessage(SCHEMA_VERSION, asset.id().value(),
                asset.kind() == null ? MediaKind.OTHER.label() : asset.kind().label(), asset.detectedType(),
                asset.source(), asset.route(), reason, at);
    }

    /** Sent by the repair command: produce what a PARTIAL asset is missing. */
    public boolean requestsRepair() {
        return Boolean.TRUE.equals(repair);
    }

    /**
     * A no-op when a priority change has sent this work again, to another class's queue, since this message was
     * sent (its route's generation is older than the asset's): README, "Priority changes".
     */
    public Optional<WorkOutcome> supersededBy(Asset current) {
        if (forShadow() || current.route() == null || !current.route().supersedes(route)) {
            return Optional.empty();
        }
        return Optional.of(new WorkOutcome.Duplicate("superseded: sent to " + route.queue().label() + " as generation "
                + route.generation() + "; a priority change sent it again to " + current.route().queue().label()
                + " as generation " + current.route().generation()));
    }

    public WorkMessage asRepair(Instant at) {
        return new WorkMessage(schemaVersion, assetId, kind, mimeType, source, route, "repair", at, true, null);
    }
}
