package dev.assetflow.domain.configreview;

import dev.assetflow.domain.config.ConfigInvalidException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.routing.RoutingRules;
import dev.assetflow.domain.routing.RoutingRulesParser;
import dev.assetflow.domain.routing.Rule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is checked before a new version of a configuration document is written, beyond parsing it: every
 * problem, not the first. The rules' {@code version} must grow (decisions record it); every profile a rule
 * names must exist for the rule's kind; a profile whose definition changed must carry a higher
 * {@code version} (renditions and their events are keyed by it, so an unchanged number would make new
 * output look like old); a profile the serving rules use cannot disappear.
 */
public final class ConfigReview {

    private ConfigReview() {
    }

    /**
     * @param candidate   the text to be written
     * @param serving     the version in use now, if any
     * @param counterpart the other document as it serves now (the profiles for rules, the rules for profiles)
     */
    public static List<String> problems(ConfigDocument document, String candidate, Optional<String> serving, String counterpart) {
        List<String> problems = new ArrayList<>();
        try {
            switch (document) {
                case ROUTING_RULES -> reviewRules(RoutingRulesParser.parse(candidate), serving, counterpart, problems);
                case PROFILES -> reviewProfiles(candidate, ProfileCatalog.parse(candidate), serving, counterpart, problems);
            }
        } catch (ConfigInvalidException e) {
            problems.addAll(e.problems());
        }
        return problems;
    }

    private static void reviewRules(RoutingRules rules, Optional<String> serving, String profilesText, List<String> problems)
            throws ConfigInvalidException {
        if (serving.isPresent()) {
            int current = RoutingRulesParser.parse(serving.get()).version();
            if (rules.version() <= current) {
                problems.add("version " + rules.version() + " must be greater than the serving version " + current);
            }
        }
        problems.addAll(unknownProfiles(rules, profilesText));
    }

    private static List<String> unknownProfiles(RoutingRules rules, String profilesText) {
        Map<String, List<String>> kindsByProfile = profilesByName(profilesText);
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            problems.addAll(unknownProfile(rule, rule.route().profile(), kindsByProfile));
            if (rule.route().shadow() != null && rule.route().shadow().profile() != null) {
                problems.addAll(unknownProfile(rule, rule.route().shadow().profile(), kindsByProfile));
            }
        }
        return problems;
    }

    private static List<String> unknownProfile(Rule rule, String profile, Map<String, List<String>> kindsByProfile) {
        if (profile == null) {
            return List.of();
        }
        List<String> kinds = kindsByProfile.getOrDefault(profile, List.of());
        String kind = rule.when().kind();
        if (kinds.isEmpty() || kind != null && !kinds.contains(kind)) {
            return List.of("rule '" + rule.name() + "' names profile '" + profile + "', but the profiles document has no "
                    + (kind == null ? "" : kind + " ") + "profile of that name");
        }
        return List.of();
    }

    private static void reviewProfiles(String candidate, ProfileCatalog parsed, Optional<String> serving, String rulesText,
            List<String> problems) throws ConfigInvalidException {
        Map<String, JsonNode> next = definitions(candidate);
        if (serving.isPresent()) {
            definitions(serving.get()).forEach((key, before) -> {
                JsonNode after = next.get(key);
                if (after != null && !withoutVersion(after).equals(withoutVersion(before))
                        && after.path("version").asInt() <= before.path("version").asInt()) {
                    problems.add("profile " + key + " changed but its version stays " + after.path("version").asInt()
                            + " (make it at least " + (before.path("version").asInt() + 1) + ")");
                }
            });
        }
        problems.addAll(unknownProfiles(RoutingRulesParser.parse(rulesText), candidate));
    }

    /**
     * A rollback is a new version whose definitions are an old one's: the old text with the rules' version
     * (or each changed profile's version) raised above the serving one, so nothing looks older than it is.
     */
    public static String rollback(ConfigDocument document, String old, String serving) throws ConfigInvalidException {
        ObjectNode tree = (ObjectNode) tree(old);
        switch (document) {
            case ROUTING_RULES -> tree.put("version", RoutingRulesParser.parse(serving).version() + 1);
            case PROFILES -> {
                Map<String, JsonNode> current = definitions(serving);
                tree.properties().forEach(kind -> kind.getValue().forEach(profile -> {
                    JsonNode now = current.get(kind.getKey() + "/" + profile.path("name").asText());
                    if (now != null && !withoutVersion(now).equals(withoutVersion(profile))) {
                        ((ObjectNode) profile).put("version", now.path("version").asInt() + 1);
                    }
                }));
            }
        }
        return tree.toPrettyString();
    }

    /** Profile {@code kind/name} → its definition, as JSON. */
    public static Map<String, JsonNode> definitions(String profilesText) throws ConfigInvalidException {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> kinds = tree(profilesText).fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            kind.getValue().forEach(profile -> byKey.put(kind.getKey() + "/" + profile.path("name").asText(), profile));
        }
        return byKey;
    }

    private static Map<String, List<String>> profilesByName(String profilesText) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        try {
            definitions(profilesText).keySet().forEach(key -> kinds.computeIfAbsent(key.substring(key.indexOf('/') + 1),
                    name -> new ArrayList<>()).add(key.substring(0, key.indexOf('/'))));
        } catch (ConfigInvalidException e) {
            return Map.of();
        }
        return kinds;
    }

    private static JsonNode withoutVersion(JsonNode profile) {
        ObjectNode copy = profile.deepCopy();
        copy.remove("version");
        return copy;
    }

    private static JsonNode tree(String text) throws ConfigInvalidException {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new ConfigInvalidException(List.of("not a JSON object"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConfigInvalidException(List.of("not JSON: " + e.getOriginalMessage()));
        }
    }
}
