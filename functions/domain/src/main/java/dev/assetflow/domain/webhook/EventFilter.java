package dev.assetflow.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The part of SNS filter policies a webhook uses: each named message attribute ({@code type}, {@code kind},
 * {@code priority}) must equal one of the listed strings (https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html).
 * SNS applies the policy to live events; a replay applies it here, so it sends what the subscription would have (the
 * topology refuses any other kind of webhook policy: {@code WebhookSpec}).
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
}
