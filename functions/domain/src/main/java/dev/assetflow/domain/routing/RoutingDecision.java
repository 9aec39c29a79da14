package dev.assetflow.domain.routing;

import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;

/** The outcome of evaluating the rules for one asset, always naming the config version it came from. */
public sealed interface RoutingDecision {

    int configVersion();

    /** What the asset records of the decision. */
    default RouteInfo route() {
        return switch (this) {
            case ToWorkQueue work -> new RouteInfo(work.queue(), work.rule(), work.profile(), work.transcoder(), work.configVersion());
            case ToReview review -> new RouteInfo(Priority.REVIEW, review.rule(), null, null, review.configVersion());
        };
    }

    /** A rule accepted the asset: it goes to a work queue of the given class with a profile. */
    record ToWorkQueue(String rule, Priority queue, String profile, String transcoder, int configVersion, Double maxCostUsd,
            RouteSpec.Shadow shadow) implements RoutingDecision {

        public ToWorkQueue(String rule, Priority queue, String profile, String transcoder, int configVersion) {
            this(rule, queue, profile, transcoder, configVersion, null, null);
        }
    }

    /** No rule accepts the asset (or a rule sends it to review on purpose): it is quarantined for a human. */
    record ToReview(String rule, String reason, int configVersion) implements RoutingDecision {}
}
