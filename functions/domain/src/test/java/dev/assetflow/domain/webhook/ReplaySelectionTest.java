package dev.assetflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.HistoryEntry;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.events.AssetEvent;
import dev.assetflow.domain.events.AssetEvents;
import dev.assetflow.domain.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplaySelectionTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final AssetId ID = new AssetId("6f1c7b1e-5a55-4a3c-9a43-1a2b3c4d5e6f");

    @Test
    void theAnnouncedEventsSinceATimeOfATypeThatThePolicyLetsThroughWithTheirOriginalIds() throws Exception {
        Asset ready = asset(true);
        List<Rendition> renditions = List.of(rendition("320w.webp", T0.plusSeconds(10), true), rendition("640w.webp", T0.plusSeconds(20), true),
                rendition("1280w.webp", T0.plusSeconds(25), false));

        List<AssetEvent> all = new ReplaySelection(T0, Optional.empty(), null).of(ready, renditions);
        assertThat(all).extracting(e -> e.type().wireName()).containsExactly("rendition.ready", "rendition.ready", "asset.ready");
        assertThat(all.get(2).eventId()).as("the id the live asset.ready had").isEqualTo(AssetEvents.terminal(ready, T0.plusSeconds(60)).eventId());
        assertThat(all.get(2).occurredAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(all.get(0).eventId()).isEqualTo(AssetEvents.renditionReady(ready, renditions.get(0), T0).eventId());

        assertThat(new ReplaySelection(T0.plusSeconds(15), Optional.empty(), null).of(ready, renditions)).hasSize(2);
        assertThat(new ReplaySelection(T0, Optional.of("asset.ready"), null).of(ready, renditions)).hasSize(1);
        assertThat(new ReplaySelection(T0, Optional.empty(), Json.mapper().readTree("{\"type\": [\"asset.ready\"], \"kind\": [\"image\"]}"))
                .of(ready, renditions)).extracting(e -> e.type().wireName()).containsExactly("asset.ready");
        assertThat(new ReplaySelection(T0, Optional.empty(), Json.mapper().readTree("{\"kind\": [\"video\"]}")).of(ready, renditions)).isEmpty();
        assertThat(new ReplaySelection(T0, Optional.empty(), null).of(asset(false), renditions)).as("its asset.ready not announced yet")
                .hasSize(2);
    }

    private static Asset asset(boolean announced) {
        return new Asset(ID, AssetState.READY, new SourceObject("uploads", "uploads/cat.png", "e", null, 10), "image/png", "image/png",
                MediaKind.IMAGE, Map.of(), new RouteInfo(Priority.STANDARD, "images", "image-responsive", null, 1, "image-standard"),
                null, T0, T0.plusSeconds(31), announced, List.of(
                        new HistoryEntry(AssetState.PROCESSING, AssetState.READY, T0.plusSeconds(30), "image-worker", "done", null, null)));
    }

    private static Rendition rendition(String name, Instant at, boolean announced) {
        return new Rendition(ID, "image-responsive", 1, name, RenditionState.DONE, "renditions", "renditions/x/" + name, "image/webp", 10,
                320, 200, announced, at);
    }
}
