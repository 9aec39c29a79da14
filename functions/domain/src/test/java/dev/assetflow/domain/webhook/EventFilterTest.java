package dev.assetflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    @Test
    void everyNamedAttributeMustBeOneOfItsListedStrings() throws Exception {
        JsonNode policy = Json.mapper().readTree("{\"type\": [\"asset.ready\", \"asset.failed\"], \"kind\": [\"video\"]}");
        assertThat(EventFilter.matches(policy, Map.of("type", "asset.ready", "kind", "video", "priority", "bulk"))).isTrue();
        assertThat(EventFilter.matches(policy, Map.of("type", "rendition.ready", "kind", "video"))).isFalse();
        assertThat(EventFilter.matches(policy, Map.of("type", "asset.ready"))).as("no kind on the event").isFalse();
        assertThat(EventFilter.matches(null, Map.of("type", "asset.ready"))).as("no policy: everything").isTrue();
    }
}
