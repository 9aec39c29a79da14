package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HlsAndStoryboardTest {

    @Test
    void codecStringsFollowRfc6381() {
        assertThat(H264.highProfileCodec("4.0")).isEqualTo("avc1.640028");
        assertThat(H264.highProfileCodec("3.1")).isEqualTo("avc1.64001f");
        assertThat(H264.highProfileCodec("5.1")).isEqualTo("avc1.640033");
    }

    @Test
    void theMasterPlaylistListsEveryVariantHighestFirstAndTheirSharedAudio() {
        String master = HlsMasterPlaylist.render(List.of(
                HlsMasterPlaylist.of(new LadderRung("360p", 640, 360, 800, 1000, "3.0"), "360p/index.m3u8", 128, true, 25),
                HlsMasterPlaylist.of(new LadderRung("1080p", 1920, 1080, 5000, 6000, "4.1"), "1080p/index.m3u8", 128, true, 25)),
                Optional.of("audio/index.m3u8"));
        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="main",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=6128000,RESOLUTION=1920x1080,CODECS="avc1.640029,mp4a.40.2",FRAME-RATE=25.000,AUDIO="audio"
                1080p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1128000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",FRAME-RATE=25.000,AUDIO="audio"
                360p/index.m3u8
                """);
    }

    @Test
    void aVariantWithoutAudioDeclaresOnlyItsVideoCodec() {
        assertThat(HlsMasterPlaylist.of(new LadderRung("360p", 640, 360, 800, 1000, "3.0"), "u", 128, false, 30))
                .satisfies(v -> {
                    assertThat(v.codecs()).isEqualTo("avc1.64001e");
                    assertThat(v.bandwidth()).isEqualTo(1_000_000);
                    assertThat(v.audioGroup()).isNull();
                });
    }

    @Test
    void theStoryboardTilesOneThumbnailPerIntervalAndPointsCuesAtThem() {
        Storyboard board = Storyboard.plan(new VideoProfile.Storyboard(160, 10, 2, 100), new SourceVideo(1920, 1080, 25, 30, true));
        assertThat(board.count()).isEqualTo(13);
        assertThat(board.columns()).isEqualTo(10);
        assertThat(board.rows()).isEqualTo(2);
        assertThat(board.thumbHeight()).isEqualTo(90);
        assertThat(board.spriteWidth()).isEqualTo(1600);
        assertThat(board.spriteHeight()).isEqualTo(180);
        String vtt = board.webVtt("sprite.jpg");
        assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsprite.jpg#xywh=0,0,160,90\n");
        assertThat(vtt).contains("00:00:20.000 --> 00:00:22.000\nsprite.jpg#xywh=0,90,160,90\n");
        assertThat(vtt).endsWith("00:00:24.000 --> 00:00:25.000\nsprite.jpg#xywh=320,90,160,90\n");
    }

    @Test
    void longVideoSpacesThumbnailsOutToStayWithinTheMaximum() {
        Storyboard board = Storyboard.plan(new VideoProfile.Storyboard(160, 10, 2, 100), new SourceVideo(1080, 1920, 3600, 30, true));
        assertThat(board.intervalSeconds()).isEqualTo(36);
        assertThat(board.count()).isEqualTo(100);
        assertThat(board.thumbHeight()).isEqualTo(284);
    }

    @Test
    void aSpriteWiderThanAJpegCanBeIsRefusedWithTheProfileToBlame() {
        SourceVideo wide = new SourceVideo(7000, 1750, 10, 25, true);
        assertThat(Storyboard.plan(new VideoProfile.Storyboard(6550, 10, 1, 100), wide).jpegProblem()).isEmpty();
        assertThat(Storyboard.plan(new VideoProfile.Storyboard(6600, 10, 1, 100), wide).jpegProblem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("66000x1650", "65500", "thumbWidth"));
    }

    @Test
    void aTinySourceGetsThumbnailsOfItsOwnSizeNeverLarger() {
        Storyboard tiny = Storyboard.plan(new VideoProfile.Storyboard(160, 10, 2, 100), new SourceVideo(64, 64, 10, 25, true));
        assertThat(tiny.thumbWidth() + "x" + tiny.thumbHeight()).isEqualTo("64x64");
        Storyboard odd = Storyboard.plan(new VideoProfile.Storyboard(160, 10, 2, 100), new SourceVideo(101, 75, 10, 25, true));
        assertThat(odd.thumbWidth() + "x" + odd.thumbHeight()).isEqualTo("100x74");
    }
}
