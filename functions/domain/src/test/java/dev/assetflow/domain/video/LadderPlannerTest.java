package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {
    static final VideoProfile PROFILE = new VideoProfile("video-abr", 1, List.of(
            new VideoProfile.Rung("2160p", 2160, 14000, 16800, "5.1"),
            new VideoProfile.Rung("1080p", 1080, 5000, 6000, "4.1"),
            new VideoProfile.Rung("720p", 720, 2800, 3400, "3.1"),
            new VideoProfile.Rung("480p", 480, 1400, 1700, "3.0"),
            new VideoProfile.Rung("360p", 360, 800, 1000, "3.0")),
            4, "veryfast", 128, 720, new VideoProfile.Poster(0.1, 1280), new VideoProfile.Storyboard(160, 10, 2, 100),
            45_000_000);

    @Test
    void aLandscape1080pSourceGetsEveryRungAtOrBelowIt() {
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(1920, 1080, 10, 30, true))).containsExactly(
                new LadderRung("1080p", 1920, 1080, 5000, 6000, "4.1"),
                new LadderRung("720p", 1280, 720, 2800, 3400, "3.1"),
                new LadderRung("480p", 854, 480, 1400, 1700, "3.0"),
                new LadderRung("360p", 640, 360, 800, 1000, "3.0"));
    }

    @Test
    void portraitVideoIsSizedOnItsShortSide() {
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(1080, 1920, 10, 30, true)))
                .extracting(LadderRung::name, LadderRung::width, LadderRung::height)
                .containsExactly(tuple("1080p", 1080, 1920),
                        tuple("720p", 720, 1280),
                        tuple("480p", 480, 854),
                        tuple("360p", 360, 640));
    }

    @Test
    void neverUpscalesAndATinySourceKeepsItsOwnSize() {
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(3840, 2160, 10, 30, true))).hasSize(5);
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(854, 480, 10, 30, true)))
                .extracting(LadderRung::name).containsExactly("480p", "360p");
        List<LadderRung> tiny = LadderPlanner.plan(PROFILE, new SourceVideo(176, 144, 10, 30, true));
        assertThat(tiny).hasSize(1);
        assertThat(tiny.get(0)).satisfies(r -> {
            assertThat(r.name()).isEqualTo("144p");
            assertThat(r.width()).isEqualTo(176);
            assertThat(r.height()).isEqualTo(144);
            assertThat(r.videoKbps()).isLessThan(800).isPositive();
        });
    }

    @Test
    void aSourceBetweenRungsGetsATopRungAtItsOwnSize() {
        List<LadderRung> nearly720 = LadderPlanner.plan(PROFILE, new SourceVideo(1278, 718, 10, 30, true));
        assertThat(nearly720).extracting(LadderRung::name).containsExactly("718p", "480p", "360p");
        assertThat(nearly720.get(0)).satisfies(r -> {
            assertThat(r.width() + "x" + r.height()).isEqualTo("1278x718");
            assertThat(r.videoKbps()).as("720p's bitrate scaled by area").isBetween(2700, 2800);
        });
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(1000, 1778, 10, 30, true)))
                .extracting(LadderRung::name).as("portrait, between 720p and 1080p").containsExactly("1000p", "720p", "480p", "360p");
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(1284, 722, 10, 30, true)))
                .extracting(LadderRung::name).as("just above a rung: no near-duplicate").containsExactly("720p", "480p", "360p");
    }

    @Test
    void oddSourcesGetEvenDimensions() {
        List<LadderRung> ladder = LadderPlanner.plan(PROFILE, new SourceVideo(1279, 721, 10, 30, true));
        assertThat(ladder).extracting(LadderRung::name).containsExactly("720p", "480p", "360p");
        assertThat(ladder).allSatisfy(r -> {
            assertThat(r.width() % 2).isZero();
            assertThat(r.height() % 2).isZero();
        });
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(333, 201, 10, 30, true)))
                .singleElement().satisfies(r -> assertThat(r.width() + "x" + r.height()).isEqualTo("332x200"));
        assertThat(LadderPlanner.plan(PROFILE, new SourceVideo(1279, 720, 10, 30, true)).get(0))
                .as("rounding to even never goes above the source").satisfies(r -> assertThat(r.width()).isEqualTo(1278));
    }

    @Test
    void theFallbackIsTheLargestRungUpTo720p() {
        assertThat(LadderPlanner.fallback(LadderPlanner.plan(PROFILE, new SourceVideo(1920, 1080, 10, 30, true)), 720).name())
                .isEqualTo("720p");
        assertThat(LadderPlanner.fallback(LadderPlanner.plan(PROFILE, new SourceVideo(176, 144, 10, 30, true)), 720).name())
                .isEqualTo("144p");
    }

    @Test
    void profileProblemsAreListed() {
        VideoProfile broken = new VideoProfile("v", 1, List.of(new VideoProfile.Rung("odd", 1081, 10, 5, "9.9")), 0, "fast", 128, 720,
                new VideoProfile.Poster(1.5, 100), new VideoProfile.Storyboard(8, 1, 1, 1), 0);
        assertThat(broken.problems()).hasSize(6).anySatisfy(p -> assertThat(p).contains("encodePixelsPerCpuSecond"));
        assertThat(PROFILE.problems()).isEmpty();
    }
}
