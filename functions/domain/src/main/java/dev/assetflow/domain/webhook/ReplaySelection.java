package dev.assetflow.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.events.AssetEvent;
import dev.assetflow.domain.events.AssetEvents;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which of an asset's past events a replay sends to an endpoint ({@code ./scripts/webhooks replay}): those it announced
 * (rebuilt from the stored asset and renditions, with their original event ids), that occurred at or after
 * {@code since}, of {@code type} when one is given, and that the endpoint's filter policy lets through, as SNS did.
 */
public record ReplaySelection(Instant since, Optional<String> type, JsonNode filterPolicy) {

    public List<AssetEvent> of(Asset asset, List<Rendition> renditions) {
        return AssetEvents.announced(asset, renditions).stream()
                .filter(event -> !event.occurredAt().isBefore(since))
                .filter(event -> type.map(t -> t.equals(event.type().wireName())).orElse(true))
                .filter(event -> EventFilter.matches(filterPolicy, event.messageAttributes()))
                .toList();
    }
}
