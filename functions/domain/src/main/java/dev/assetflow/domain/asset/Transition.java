package dev.assetflow.domain.asset;

import dev.assetflow.domain.failure.Failure;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A requested state change plus the facts learned on the way (detected type, route, failure), written
 * together in one conditional update.
 */
public record Transition(
        AssetState to,
        Instant at,
        String by,
        String reason,
        String detectedType,
        MediaKind kind,
        Map<String, Object> media,
        RouteInfo route,
        Failure failure) {

    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }

    public static Transition to(AssetState to, Instant at, String by, String reason) {
        return new Transition(to, at, by, reason, null, null, null, null, null);
    }

    public Transition withClassification(String detectedType, MediaKind kind) {
        return new Transition(to, at, by, reason, detectedType, kind, media, route, failure);
    }

    /** What probing found, stored on the asset with the transition. */
    public Transition withMedia(Map<String, Object> media) {
        return new Transition(to, at, by, reason, detectedType, kind, media, route, failure);
    }

    public Transition withRoute(RouteInfo route) {
        return new Transition(to, at, by, reason, detectedType, kind, media, route, failure);
    }

    public Transition withFailure(Failure failure) {
        return new Transition(to, at, by, failure.reason(), detectedType, kind, media, route, failure);
    }

    public HistoryEntry historyFrom(AssetState from) {
        return new HistoryEntry(from, to, at, by, reason,
                route == null ? null : route.rule(), route == null ? null : route.configVersion());
    }
}
