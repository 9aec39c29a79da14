package dev.assetflow.domain.listing;

import java.time.Instant;

/**
 * One line of the assets list: what an operator filters and sorts by, and why it failed. {@code engine} is what
 * the rule asked for ({@code ffmpeg} when it named none); {@code failureCategory} is null unless it failed.
 */
public record AssetSummary(String assetId, String state, String kind, String priority, String engine, String sourceKey,
        long sizeBytes, Instant createdAt, Instant updatedAt, String failureCategory) {
}
