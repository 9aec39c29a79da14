package dev.assetflow.domain.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.util.Optional;

/** The message that drives one step of a backfill run on the backfill queue: {@code {"runId": "…"}}. */
public final class BackfillStepMessage {

    private BackfillStepMessage() {
    }

    public static String encode(String runId) {
        return Json.write(java.util.Map.of("runId", runId));
    }

    public static Optional<String> runId(String body) {
        try {
            JsonNode root = Json.mapper().readTree(body);
            String runId = root == null ? null : root.path("runId").asText(null);
            return runId == null || runId.isBlank() ? Optional.empty() : Optional.of(runId);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
