package dev.assetflow.domain.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeptRenditionsTest {
    static final AssetId ID = new AssetId("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void anEarlierVersionsRenditionWithTheSameNameAndDefinitionIsKeptTheNewestOne() {
        Rendition v1 = rendition("p", 1, "hls/360p", RenditionState.DONE, "renditions/a/p/v1/hls/360p/index.m3u8", "h264 640x360");
        Rendition v2 = Rendition.keptFrom(v1, 2, AT);
        Rendition otherDefinition = rendition("p", 2, "hls/720p", RenditionState.DONE, "k", "h264 1280x720 2800");
        Rendition otherProfile = rendition("q", 1, "hls/480p", RenditionState.DONE, "k", "h264 854x480");
        Rendition failed = rendition("p", 1, "poster", RenditionState.FAILED, "k", "poster");
        Rendition sameVersion = rendition("p", 3, "storyboard", RenditionState.DONE, "k", "storyboard");
        List<RenditionPlan.Planned> planned = List.of(
                planned("hls/360p", "h264 640x360"), planned("hls/720p", "h264 1280x720 2500"), planned("hls/480p", "h264 854x480"),
                planned("poster", "poster"), planned("storyboard", "storyboard"), planned("hls/master", null));
        var kept = KeptRenditions.matching(List.of(v1, v2, otherDefinition, otherProfile, failed, sameVersion), "p", 3, planned);
        assertThat(kept).containsOnlyKeys("hls/360p");
        assertThat(kept.get("hls/360p")).as("the newest earlier record, still naming v1's object").isEqualTo(v2);
        assertThat(kept.get("hls/360p").key()).contains("/v1/");
    }

    @Test
    void keysAreMadeRelativeToAVersionsPrefix() {
        assertThat(KeptRenditions.relative("renditions/a/p/v2/", "renditions/a/p/v1/hls/360p/index.m3u8")).isEqualTo("../v1/hls/360p/index.m3u8");
        assertThat(KeptRenditions.relative("renditions/a/p/v2/", "renditions/a/p/v2/poster.jpg")).isEqualTo("poster.jpg");
        assertThat(KeptRenditions.relative("renditions/a/p/v2/", "renditions/b/q/v1/x.jpg")).isEqualTo("../../../b/q/v1/x.jpg");
    }

    private static Rendition rendition(String profile, int version, String name, RenditionState state, String key, String definition) {
        return new Rendition(ID, profile, version, name, state, "renditions", key, "application/vnd.apple.mpegurl", 10, null, null, false,
                AT, definition);
    }

    private static RenditionPlan.Planned planned(String name, String definition) {
        return RenditionPlan.Planned.file(name, "application/vnd.apple.mpegurl").withDefinition(definition);
    }
}
