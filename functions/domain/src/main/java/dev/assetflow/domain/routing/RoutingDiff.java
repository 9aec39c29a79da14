package dev.assetflow.domain.routing;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.RouteInfo;
import java.util.List;
import java.util.Objects;

/**
 * A rule change judged by its effect: the recent assets that a candidate rule set would route elsewhere than
 * they were routed (another queue class, profile or engine, or to review), each with both routes. A dry run:
 * nothing is moved.
 */
public final class RoutingDiff {

    private RoutingDiff() {
    }

    /** One asset the candidate routes differently. */
    public record Change(Asset asset, RouteInfo before, RouteInfo after) {}

    /** Assets never routed (rejected before routing, still in flight to it) are left out. */
    public static List<Change> of(RoutingRules candidate, List<Asset> assets) {
        return assets.stream().filter(asset -> asset.route() != null && asset.kind() != null)
                .map(asset -> new Change(asset, asset.route(), candidate.evaluate(RoutingInput.of(asset)).route()))
                .filter(change -> !sameRoute(change.before(), change.after()))
                .toList();
    }

    private static boolean sameRoute(RouteInfo before, RouteInfo after) {
        return before.queue() == after.queue() && Objects.equals(before.profile(), after.profile())
                && before.engine().equals(after.engine());
    }

    /** One line for a person: {@code critical/image-responsive/ffmpeg (rule images, v4)}. */
    public static String describe(RouteInfo route) {
        return route.queue().label() + (route.profile() == null ? "" : "/" + route.profile() + "/" + route.engine())
                + " (rule " + route.rule() + ", v" + route.configVersion() + ")";
    }
}
