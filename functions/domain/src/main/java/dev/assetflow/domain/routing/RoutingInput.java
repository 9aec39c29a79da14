package dev.assetflow.domain.routing;

import dev.assetflow.domain.asset.MediaKind;

/** The facts about an asset that rules may look at. Duration is null until the media is probed. */
public record RoutingInput(MediaKind kind, String mimeType, String key, long sizeBytes, Double durationSeconds) {
}
