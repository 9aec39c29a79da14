package dev.assetflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What GET /assets/{id} says of a video being made in one invocation: each planned rendition, done or to come. */
class AssetViewTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final AssetId ID = new AssetId("6f1c7b1e-5a55-4a3c-9a43-1a2b3c4d5e6f");

    @Test
    void aOneInvocationVideoListsEachPlannedRenditionAsDoneOrPendingForItsProfileVersionOnly() {
        Asset asset = video(Map.of("engine", "one-invocation", "planned", List.of("hls/720p", "hls/360p", "poster"), "plannedVersion", 2));
        List<Rendition> renditions = List.of(
                rendition("hls/720p", 2, RenditionState.DONE),
                rendition("hls/360p", 1, RenditionState.DONE), // an older version's: not this run's progress
                rendition("poster", 2, RenditionState.DONE));

        Map<String, Object> transcode = AssetView.transcode(asset, renditions, List.of(), p -> List.of());

        assertThat(transcode).doesNotContainKeys("planned", "plannedVersion").containsEntry("engine", "one-invocation");
        assertThat(transcode.get("progress")).isEqualTo(List.of(
                Map.of("rendition", "hls/720p", "state", "DONE"),
                Map.of("rendition", "hls/360p", "state", "PENDING"),
                Map.of("rendition", "poster", "state", "DONE")));
    }

    @Test
    void withoutAPlanThereIsNoProgressList() {
        Map<String, Object> transcode = AssetView.transcode(video(Map.of("engine", "segmented")), List.of(), List.of(), p -> List.of());
        assertThat(transcode).containsOnlyKeys("engine");
    }

    private static Asset video(Map<String, Object> transcode) {
        return new Asset(ID, AssetState.PROCESSING, new SourceObject("uploads", "uploads/talk.mp4", "e", null, 10), "video/mp4",
                "video/mp4", MediaKind.VIDEO, Map.of("transcode", transcode),
                new RouteInfo(Priority.STANDARD, "videos", "video-abr", null, 1, "video-standard"), null, NOW, NOW, false, List.of());
    }

    private static Rendition rendition(String name, int version, RenditionState state) {
        return new Rendition(ID, "video-abr", version, name, state, "renditions", "renditions/x/" + name, "video/mp4", 10, null, null,
                false, NOW);
    }
}
