package dev.assetflow.domain.routing;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.MediaKind;

/** The facts about an asset that rules may look at. Duration is null until the media is probed. */
public record RoutingInput(MediaKind kind, String mimeType, String key, long sizeBytes, Double durationSeconds) {

    /** What rules see of a classified asset (ingest routes it with this; a dry run of new rules re-reads it). */
    public static RoutingInput of(Asset asset) {
        Object duration = asset.media().get("durationSeconds");
        return new RoutingInput(asset.kind(), asset.detectedType(), asset.source().key(), asset.source().sizeBytes(),
                duration instanceof Number n ? n.doubleValue() : null);
    }
}
