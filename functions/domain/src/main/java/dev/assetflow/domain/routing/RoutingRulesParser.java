package dev.assetflow.domain.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and validates a routing rule set before it is ever used. */
public final class RoutingRulesParser {
    private static final Set<String> TRANSCODERS = Set.of("ffmpeg", "ffmpeg-one-invocation", "ffmpeg-segmented", "mediaconvert");

    private RoutingRulesParser() {
    }

    public static RoutingRules parse(String json) throws ConfigInvalidException {
        RoutingRules rules;
        try {
            rules = Json.read(json, RoutingRules.class);
        } catch (JsonProcessingException e) {
            throw new ConfigInvalidException(List.of("not a rule set: " + e.getOriginalMessage()));
        }
        List<String> problems = validate(rules);
        if (!problems.isEmpty()) {
            throw new ConfigInvalidException(problems);
        }
        return rules;
    }

    static List<String> validate(RoutingRules rules) {
        List<String> problems = new ArrayList<>();
        if (rules.version() <= 0) {
            problems.add("version must be a positive integer");
        }
        if (rules.rules().isEmpty()) {
            problems.add("at least one rule is needed");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            validateRule(i, rules.rules().get(i), names, problems);
        }
        return problems;
    }

    private static void validateRule(int index, Rule rule, Set<String> names, List<String> problems) {
        String at = "rule #" + (index + 1);
        if (rule.name() == null || rule.name().isBlank()) {
            problems.add(at + ": a name is required");
        } else if (!names.add(rule.name())) {
            problems.add(at + ": the name '" + rule.name() + "' is used twice");
        }
        if (rule.when() == null) {
            problems.add(at + ": 'when' is required ({} matches everything)");
        } else if (rule.when().kind() != null
                && (!MediaKind.isLabel(rule.when().kind()) || MediaKind.fromLabel(rule.when().kind()) == MediaKind.OTHER)) {
            problems.add(at + ": unknown kind '" + rule.when().kind() + "'");
        }
        RouteSpec route = rule.route();
        if (route == null || route.queue() == null) {
            problems.add(at + ": 'route.queue' is required");
            return;
        }
        if (!isPriority(route.queue())) {
            problems.add(at + ": unknown queue '" + route.queue() + "' (critical, standard, bulk or review)");
        } else if (Priority.fromLabel(route.queue()) != Priority.REVIEW && route.profile() == null) {
            problems.add(at + ": a work-queue route needs a 'profile'");
        }
        if (route.maxCostUsd() != null && !(route.maxCostUsd() > 0)) {
            problems.add(at + ": 'route.maxCostUsd' must be a positive amount in US dollars");
        }
        if (route.shadow() != null) {
            RouteSpec.Shadow shadow = route.shadow();
            if (shadow.profile() == null || shadow.profile().equals(route.profile())) {
                problems.add(at + ": 'route.shadow.profile' must name another profile than 'route.profile'");
            }
            if (!(shadow.share() > 0 && shadow.share() <= 1)) {
                problems.add(at + ": 'route.shadow.share' must be above 0 and at most 1 (0.05 is 5 %)");
            }
        }
        if (route.transcoder() != null && !TRANSCODERS.contains(route.transcoder())) {
            problems.add(at + ": unknown transcoder '" + route.transcoder() + "' (ffmpeg, ffmpeg-one-invocation, ffmpeg-segmented or mediaconvert)");
        }
    }

    private static boolean isPriority(String label) {
        try {
            Priority.fromLabel(label);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
