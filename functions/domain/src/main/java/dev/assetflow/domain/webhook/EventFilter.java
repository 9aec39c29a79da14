package dev.assetflow.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of SNS filter policies a webhook uses: each named message attribute ({@code type}, {@code kind},
 * {@code priority}) must equal one of the listed strings (https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html).
 * SNS applies the policy to live events; a replay applies it here, so it sends what the subscription would have.
 */
public final class EventFilter {
    private EventFilter() {}

    public static boolean matches(JsonNode policy, Map<String, String> attributes) {
        if (policy == null || policy.isNull() || policy.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> condition : policy.properties()) {
            String value = attributes.get(condition.getKey());
            boolean listed = false;
            for (JsonNode allowed : condition.getValue()) {
                listed |= allowed.isTextual() && allowed.asText().equals(value);
            }
            if (value == null || !listed) {
                return false;
            }
        }
        return true;
    }

    /** What a webhook's policy may hold: attribute names mapped to lists of strings, and nothing else. */
    public static List<String> problems(JsonNode policy) {
        List<String> problems = new ArrayList<>();
        if (policy == null || policy.isNull()) {
            return problems;
        }
        if (!policy.isObject()) {
            return List.of("a filter policy is an object of attribute → [strings]");
        }
        for (Map.Entry<String, JsonNode> condition : policy.properties()) {
            if (!List.of("type", "kind", "priority").contains(condition.getKey())) {
                problems.add("filter on '" + condition.getKey() + "': events carry type, kind and priority");
            }
            if (!condition.getValue().isArray() || condition.getValue().isEmpty()) {
                problems.add("filter on '" + condition.getKey() + "' must list strings");
            } else {
                condition.getValue().forEach(v -> {
                    if (!v.isTextual()) {
                        problems.add("filter on '" + condition.getKey() + "': only exact strings are supported, not " + v);
                    }
                });
            }
        }
        return problems;
    }
}
