package dev.assetflow.domain.routing;

/** A named routing rule. Rules are evaluated in order; the first whose condition matches wins. */
public record Rule(String name, Condition when, RouteSpec route) {
}
