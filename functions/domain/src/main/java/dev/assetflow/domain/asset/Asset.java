package dev.assetflow.domain.asset;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureClass;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracked asset as stored: its original, what it really is, where it went, and how it got here.
 * {@code media} holds what probing found (duration, size, codecs, streams, pages).
 * {@code terminalAnnounced} is the outbox flag: set once the terminal event has been published.
 */
public record Asset(
        AssetId id,
        AssetState state,
        SourceObject source,
        String declaredType,
        String detectedType,
        MediaKind kind,
        Map<String, Object> media,
        RouteInfo route,
        Failure failure,
        Instant createdAt,
        Instant updatedAt,
        boolean terminalAnnounced,
        List<HistoryEntry> history) {

    public Asset {
        media = media == null ? Map.of() : Map.copyOf(media);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static Asset received(AssetId id, SourceObject source, String declaredType, Instant now, String by) {
        HistoryEntry entry = new HistoryEntry(null, AssetState.RECEIVED, now, by, "upload received", null, null);
        return new Asset(id, AssetState.RECEIVED, source, declaredType, null, null, Map.of(), null, null, now, now,
                false, List.of(entry));
    }

    /**
     * FAILED for a reason that was never the input's fault (its message was dead-lettered after
     * transient, configuration or internal failures): a redrive of that message may run it again.
     * An asset whose input is bad stays FAILED for good.
     */
    public boolean reopenable() {
        return state == AssetState.FAILED && failure != null
                && failure.category().failureClass() != FailureClass.PERMANENT_INPUT;
    }

    /**
     * The recorded media with {@code facts} laid over it: a worker's probe replaces the facts it found
     * again, and what others recorded (ingest's cost estimate) stays.
     */
    public Map<String, Object> mediaWith(Map<String, Object> facts) {
        Map<String, Object> merged = new LinkedHashMap<>(media);
        merged.putAll(facts);
        return merged;
    }

    /** PARTIAL: its main renditions are there, some optional ones are missing; a repair may make them. */
    public boolean repairable() {
        return state == AssetState.PARTIAL;
    }
}
