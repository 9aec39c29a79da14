package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HlsMediaPlaylistTest {

    @Test
    void aVariantIsWrittenFromTheSegmentsItsChunksRecorded() {
        List<ChunkResult.Segment> first = HlsMediaPlaylist.segmentsOf("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-MAP:URI="init.mp4"
                #EXTINF:4.000000,
                seg_00000.m4s
                #EXTINF:4.000000,
                seg_00001.m4s
                #EXT-X-ENDLIST
                """);
        List<ChunkResult.Segment> second = HlsMediaPlaylist.segmentsOf("#EXTM3U\n#EXTINF:2.520000,\nseg_00002.m4s\n#EXT-X-ENDLIST\n");

        String playlist = HlsMediaPlaylist.of(List.of(second.get(0), first.get(1), first.get(0)));

        assertThat(playlist).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXTINF:4.000000,
                seg_00000.m4s
                #EXTINF:4.000000,
                seg_00001.m4s
                #EXTINF:2.520000,
                seg_00002.m4s
                #EXT-X-ENDLIST
                """);
    }

    @Test
    void aMissingOrDoubledSegmentIsRefused() {
        assertThatThrownBy(() -> HlsMediaPlaylist.of(List.of(new ChunkResult.Segment(0, 4), new ChunkResult.Segment(2, 4))))
                .hasMessage("segment 1 is missing");
        assertThatThrownBy(() -> HlsMediaPlaylist.of(List.of(new ChunkResult.Segment(0, 4), new ChunkResult.Segment(0, 4))))
                .hasMessage("segment 1 is doubled");
    }

    @Test
    void theTargetDurationCoversEverySegmentRounded() {
        assertThat(HlsMediaPlaylist.of(List.of(new ChunkResult.Segment(0, 4.6), new ChunkResult.Segment(1, 3.4))))
                .contains("#EXT-X-TARGETDURATION:5\n");
    }
}
