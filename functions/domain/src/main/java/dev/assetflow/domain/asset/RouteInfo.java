package dev.assetflow.domain.asset;

/** Where routing sent an asset, by which rule of which config version. */
public record RouteInfo(Priority queue, String rule, String profile, String transcoder, int configVersion) {
}
