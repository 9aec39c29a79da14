package dev.assetflow.domain.asset;

import java.time.Instant;

/** One recorded transition: who moved the asset, when, why, and under which rule and config. */
public record HistoryEntry(
        AssetState from, AssetState to, Instant at, String by, String reason, String rule, Integer configVersion) {
}
