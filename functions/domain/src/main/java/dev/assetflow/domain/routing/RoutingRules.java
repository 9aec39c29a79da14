package dev.assetflow.domain.routing;

import dev.assetflow.domain.asset.Priority;
import java.util.List;

/** A validated, versioned rule set (see {@link RoutingRulesParser}); evaluation is pure and first-match. */
public record RoutingRules(int version, List<Rule> rules) {

    public RoutingRules {
        rules = List.copyOf(rules);
    }

    public RoutingDecision evaluate(RoutingInput input) {
        for (Rule rule : rules) {
            if (rule.when().matches(input)) {
                Priority queue = Priority.fromLabel(rule.route().queue());
                if (queue == Priority.REVIEW) {
                    return new RoutingDecision.ToReview(rule.name(),
                            "no rule accepts " + describe(input) + "; rule '" + rule.name() + "' sends it to review",
                            version);
                }
                return new RoutingDecision.ToWorkQueue(rule.name(), queue, rule.route().profile(),
                        rule.route().transcoder(), version, rule.route().maxCostUsd(), rule.route().shadow());
            }
        }
        return new RoutingDecision.ToReview(null, "no rule matches " + describe(input), version);
    }

    private static String describe(RoutingInput input) {
        return input.mimeType() + " (" + input.kind().label() + ") at '" + input.key() + "'";
    }
}
