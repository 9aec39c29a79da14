package dev.assetflow.domain.routing;

/**
 * What a matching rule does: which queue class, which processing profile, which transcoder, and the most
 * an asset may cost ({@code maxCostUsd}, optional): one estimated above it goes to review instead of being encoded.
 */
public record RouteSpec(String queue, String profile, String transcoder, Double maxCostUsd) {
}
