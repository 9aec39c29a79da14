package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.work.RenditionPlan;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reprocessing a video: which renditions have definitions, which rungs are encoded, and where the master points. */
class VideoLayoutKeepTest {
    static final SourceVideo SOURCE = new SourceVideo(1280, 720, 12, 25, true);
    static final VideoLayout V1 = VideoLayout.of(LadderPlannerTest.PROFILE, SOURCE);

    @Test
    void everyRenditionButTheMasterHasADefinitionThatNamesWhatDecidesItsBytes() {
        Map<String, RenditionPlan.Planned> planned = byName(V1);
        assertThat(planned.keySet()).containsExactly("hls/720p", "hls/480p", "hls/360p", "hls/audio", "hls/master", "mp4/720p",
                "poster", "storyboard");
        assertThat(planned.get("hls/master").definition()).as("the master lists whichever rungs exist: always written").isNull();
        assertThat(planned.get("hls/360p").definition()).isEqualTo("h264 640x360 800 kbps max 1000 level 3.0 preset veryfast segments 4 s");
        assertThat(planned.get("hls/audio").definition()).isEqualTo("aac 128 kbps segments 4 s");
        assertThat(planned.get("mp4/720p").definition()).contains("1280x720", "aac 128 kbps");
        assertThat(planned.values()).filteredOn(p -> !p.name().equals("hls/master")).allSatisfy(p -> assertThat(p.definition()).isNotBlank());
    }

    @Test
    void aRungWithOtherRatesHasAnotherDefinitionAndTheRestTheSame() {
        VideoProfile cheaper360 = new VideoProfile("video-abr", 2, LadderPlannerTest.PROFILE.rungs().stream()
                .map(r -> r.name().equals("360p") ? new VideoProfile.Rung("360p", 360, 700, 900, "3.0") : r).toList(),
                4, "veryfast", 128, 720, LadderPlannerTest.PROFILE.poster(), LadderPlannerTest.PROFILE.storyboard(), 45_000_000);
        Map<String, RenditionPlan.Planned> v1 = byName(V1);
        Map<String, RenditionPlan.Planned> v2 = byName(VideoLayout.of(cheaper360, SOURCE));
        assertThat(v2.keySet()).filteredOn(name -> v2.get(name).definition() != null
                && !v2.get(name).definition().equals(v1.get(name).definition())).containsExactly("hls/360p");
    }

    @Test
    void keptRungsAreNotEncodedButTheFallbacksIsWhenItsMp4IsMade() {
        assertThat(V1.encodedLadder()).extracting(LadderRung::name).containsExactly("720p", "480p", "360p");
        VideoLayout keeping = V1.keeping(Set.of("hls/720p", "hls/480p", "hls/audio", "mp4/720p"));
        assertThat(keeping.encodedLadder()).extracting(LadderRung::name).containsExactly("360p");
        assertThat(keeping.encodesAudio()).isFalse();
        VideoLayout newMp4 = V1.keeping(Set.of("hls/720p", "hls/480p", "hls/audio"));
        assertThat(newMp4.encodedLadder()).extracting(LadderRung::name).as("the MP4 is copied from its rung's segments")
                .containsExactly("720p", "360p");
        assertThat(newMp4.encodesAudio()).as("and from the audio's").isTrue();
    }

    @Test
    void whenEveryRungIsKeptTheSmallestIsEncodedForTheStills() {
        VideoLayout all = V1.keeping(Set.of("hls/720p", "hls/480p", "hls/360p", "hls/audio", "mp4/720p"));
        assertThat(all.encodedLadder()).extracting(LadderRung::name).containsExactly("360p");
    }

    @Test
    void theMasterNamesKeptRenditionsRelativeToItself() {
        String master = V1.masterPlaylist(Map.of("hls/360p", "../v1/hls/360p/index.m3u8", "hls/audio", "../v1/hls/audio/index.m3u8"));
        assertThat(master).contains("\n../../v1/hls/360p/index.m3u8\n", "\n720p/index.m3u8\n", "URI=\"../../v1/hls/audio/index.m3u8\"");
        assertThat(V1.masterPlaylist()).contains("\n360p/index.m3u8\n", "URI=\"audio/index.m3u8\"");
    }

    private static Map<String, RenditionPlan.Planned> byName(VideoLayout layout) {
        return layout.renditions().stream().collect(Collectors.toMap(RenditionPlan.Planned::name, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
