package dev.assetflow.domain.routing;

import java.util.List;

/**
 * When a rule applies. Every field is optional; an empty condition matches everything (a fallback).
 * All present fields must hold.
 */
public record Condition(
        String kind,
        String keyPrefix,
        List<String> mimeTypes,
        Double minDurationSeconds,
        Double maxDurationSeconds,
        Long minBytes,
        Long maxBytes) {

    public static Condition any() {
        return new Condition(null, null, null, null, null, null, null);
    }

    boolean matches(RoutingInput input) {
        return (kind == null || kind.equalsIgnoreCase(input.kind().label()))
                && (keyPrefix == null || input.key().startsWith(keyPrefix))
                && (mimeTypes == null || mimeTypes.contains(input.mimeType()))
                && (minDurationSeconds == null
                        || (input.durationSeconds() != null && input.durationSeconds() >= minDurationSeconds))
                && (maxDurationSeconds == null
                        || (input.durationSeconds() != null && input.durationSeconds() <= maxDurationSeconds))
                && (minBytes == null || input.sizeBytes() >= minBytes)
                && (maxBytes == null || input.sizeBytes() <= maxBytes);
    }
}
