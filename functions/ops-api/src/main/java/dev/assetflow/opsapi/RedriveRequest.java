package dev.assetflow.opsapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of {@code POST /ops/dead-letters/redrive}: {@code {"sourceQueue": NAME, "category": CATEGORY,
 * "messageIds": [ID…]}} — the dead letters of one source queue, narrowed to a category and/or to some messages —
 * or what is wrong with it.
 */
sealed interface RedriveRequest {
    /** {@code category} null: every category; {@code messageIds} empty: every message. */
    record Valid(String sourceQueue, FailureCategory category, List<String> messageIds) implements RedriveRequest {}

    record Invalid(String message) implements RedriveRequest {}

    static RedriveRequest parse(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (Exception e) {
            return new Invalid("the body is not JSON: " + e.getMessage());
        }
        String queue = json.path("sourceQueue").asText("");
        if (queue.isBlank()) {
            return new Invalid("give {\"sourceQueue\": NAME} (GET /ops/dead-letters lists them), optionally \"category\" and \"messageIds\"");
        }
        FailureCategory category = null;
        if (json.hasNonNull("category")) {
            try {
                category = FailureCategory.valueOf(json.path("category").asText());
            } catch (IllegalArgumentException e) {
                return new Invalid("category is one of " + Arrays.toString(FailureCategory.values()) + ", not '" + json.path("category").asText() + "'");
            }
        }
        List<String> ids = new ArrayList<>();
        if (json.has("messageIds") && !json.path("messageIds").isArray()) {
            return new Invalid("messageIds is a list of message ids");
        }
        json.path("messageIds").forEach(id -> ids.add(id.asText()));
        return new Valid(queue, category, List.copyOf(ids));
    }
}
