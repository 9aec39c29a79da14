package dev.assetflow.domain.events;

import dev.assetflow.domain.asset.HistoryEntry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.*;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetEventsTest {
    static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    static final AssetId ID = new AssetId("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final SourceObject SOURCE = new SourceObject("uploads", "uploads/" + ID + "/cat.png", "e", null, 42);

    static Asset asset(AssetState state, Failure failure) {
        return new Asset(ID, state, SOURCE, "image/png", "image/png", MediaKind.IMAGE, Map.of(),
                new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 3), failure, AT, AT, false, List.of());
    }

    @Test
    void renditionReadyCarriesWhatConsumersNeed() throws Exception {
        Rendition rendition = new Rendition(ID, "image-responsive", 1, "640w.webp", RenditionState.DONE, "renditions",
                "renditions/" + ID + "/640w.webp", "image/webp", 1234, 640, 360, false, AT);
        AssetEvent event = AssetEvents.renditionReady(asset(AssetState.PROCESSING, null), rendition, AT);

        assertThat(event.messageAttributes()).containsExactly(
                Map.entry("type", "rendition.ready"), Map.entry("kind", "image"), Map.entry("priority", "critical"));
        JsonNode json = Json.mapper().readTree(Json.write(event));
        assertThat(json.get("type").asText()).isEqualTo("rendition.ready");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("assetId").asText()).isEqualTo(ID.value());
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(json.get("correlationId").asText()).isEqualTo(ID.value());
        assertThat(json.at("/rendition/name").asText()).isEqualTo("640w.webp");
        assertThat(json.at("/rendition/profileVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/rendition/width").asInt()).isEqualTo(640);
        assertThat(json.at("/rendition/bytes").asLong()).isEqualTo(1234);
        assertThat(Json.read(Json.write(event), AssetEvent.class)).isEqualTo(event);
    }

    @Test
    void eventIdsDeduplicateByAssetTypeRenditionAndProfileVersion() {
        Rendition a = new Rendition(ID, "p", 1, "640w.webp", RenditionState.DONE, "b", "k", "image/webp", 1, 1, 1, false, AT);
        Rendition sameLater = new Rendition(ID, "p", 1, "640w.webp", RenditionState.DONE, "b", "k", "image/webp", 1, 1, 1, false, AT.plusSeconds(9));
        Rendition nextVersion = new Rendition(ID, "p", 2, "640w.webp", RenditionState.DONE, "b", "k", "image/webp", 1, 1, 1, false, AT);
        Asset asset = asset(AssetState.PROCESSING, null);
        assertThat(AssetEvents.renditionReady(asset, a, AT).eventId())
                .isEqualTo(AssetEvents.renditionReady(asset, sameLater, AT.plusSeconds(9)).eventId())
                .isNotEqualTo(AssetEvents.renditionReady(asset, nextVersion, AT).eventId());
    }

    @Test
    void terminalEventsFollowTheState() {
        Failure failure = Failure.of(FailureCategory.CORRUPT_MEDIA, "ffmpeg could not decode cat.png");
        AssetEvent failed = AssetEvents.terminal(asset(AssetState.FAILED, failure), AT);
        assertThat(failed.type()).isEqualTo(EventType.ASSET_FAILED);
        assertThat(failed.failureCategory()).isEqualTo("CORRUPT_MEDIA");
        assertThat(failed.reason()).isEqualTo("ffmpeg could not decode cat.png");
        assertThat(AssetEvents.terminal(asset(AssetState.READY, null), AT).type()).isEqualTo(EventType.ASSET_READY);
        assertThat(AssetEvents.terminal(asset(AssetState.QUARANTINED, null), AT).messageAttributes())
                .containsEntry("type", "asset.quarantined");
    }

    @Test
    void aTerminalEventIsTheSameEventOnEveryPublishAndANewOneWhenTheAssetEntersTheStateAgain() {
        HistoryEntry ready = new HistoryEntry(AssetState.PROCESSING, AssetState.READY, AT, "image-worker", "3 of 3", null, null);
        HistoryEntry reopened = new HistoryEntry(AssetState.READY, AssetState.QUEUED, AT.plusSeconds(60), "operator", "reprocess", null, null);
        HistoryEntry readyAgain = new HistoryEntry(AssetState.PROCESSING, AssetState.READY, AT.plusSeconds(90), "image-worker", "v2", null,
                null);
        Asset first = withHistory(List.of(ready), AT);
        Asset laterRecord = withHistory(List.of(ready), AT.plusSeconds(30)); // e.g. media recorded since: same state entry
        Asset reprocessed = withHistory(List.of(ready, reopened, readyAgain), AT.plusSeconds(90));
        assertThat(AssetEvents.terminal(first, AT).eventId())
                .isEqualTo(AssetEvents.terminal(laterRecord, AT.plusSeconds(40)).eventId())
                .as("the asset.ready of a reprocess is a new event").isNotEqualTo(AssetEvents.terminal(reprocessed, AT).eventId());
    }

    private static Asset withHistory(List<HistoryEntry> history, Instant updatedAt) {
        return new Asset(ID, AssetState.READY, SOURCE, "image/png", "image/png", MediaKind.IMAGE, Map.of(),
                new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 3), null, AT, updatedAt, false, history);
    }
}
