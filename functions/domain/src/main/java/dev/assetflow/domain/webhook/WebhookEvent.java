package dev.assetflow.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * An asset event as an endpoint's queue holds it: the exact body SNS delivered (raw message delivery), which is what is
 * signed and sent, and the three fields a delivery needs from it. {@code replay} marks one an operator sent again.
 */
public record WebhookEvent(String body, String eventId, String type, String assetId, boolean replay) {

    /** Empty for a body that is not an asset event (it is dead-lettered as such, never sent). */
    public static Optional<WebhookEvent> parse(String body, boolean replay) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            String eventId = tree == null ? null : tree.path("eventId").asText(null);
            String type = tree == null ? null : tree.path("type").asText(null);
            if (eventId == null || type == null) {
                return Optional.empty();
            }
            return Optional.of(new WebhookEvent(body, eventId, type, tree.path("assetId").asText(null), replay));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
