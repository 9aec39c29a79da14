package dev.assetflow.assetcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.json.Json;
import java.util.List;

/** The body of {@code POST /assets/{assetId}/priority}: {@code {"priority": "critical"}}, or what is wrong with it. */
sealed interface PriorityRequestBody {
    List<String> CLASSES = List.of("critical", "standard", "bulk");

    record Valid(Priority priority) implements PriorityRequestBody {}

    record Invalid(String message) implements PriorityRequestBody {}

    static PriorityRequestBody parse(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (Exception e) {
            return new Invalid("the body is not JSON: " + e.getMessage());
        }
        String label = json == null ? null : json.path("priority").asText(null);
        if (label == null || !CLASSES.contains(label)) {
            return new Invalid("give {\"priority\": \"critical\" | \"standard\" | \"bulk\"}" + (label == null ? "" : ", not '" + label + "'"));
        }
        return new Valid(Priority.fromLabel(label));
    }
}
