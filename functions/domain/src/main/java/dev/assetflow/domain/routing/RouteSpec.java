package dev.assetflow.domain.routing;

/** What a matching rule does: which queue class, which processing profile, which transcoder. */
public record RouteSpec(String queue, String profile, String transcoder) {
}
