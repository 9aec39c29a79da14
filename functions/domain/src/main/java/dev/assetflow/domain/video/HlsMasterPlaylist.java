package dev.assetflow.domain.video;

import java.util.List;
import java.util.Locale;

/**
 * The HLS master playlist, written from the plan rather than by ffmpeg, so that it lists every
 * variant even when a retry produced only some of them
 * (https://datatracker.ietf.org/doc/html/rfc8216#section-4.3.4.2).
 */
public final class HlsMasterPlaylist {

    private HlsMasterPlaylist() {
    }

    /** One variant stream: its playlist URI relative to the master, and the attributes players select by. */
    public record Variant(String uri, long bandwidth, int width, int height, String codecs, double frameRate) {}

    public static String render(List<Variant> variants) {
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        variants.stream()
                .sorted((a, b) -> Long.compare(b.bandwidth(), a.bandwidth()))
                .forEach(v -> playlist.append(String.format(Locale.ROOT,
                        "#EXT-X-STREAM-INF:BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"%s\",FRAME-RATE=%.3f%n%s%n",
                        v.bandwidth(), v.width(), v.height(), v.codecs(), v.frameRate(), v.uri())));
        return playlist.toString();
    }

    public static Variant of(LadderRung rung, String uri, int audioKbps, boolean withAudio, double frameRate) {
        String codecs = H264.highProfileCodec(rung.level()) + (withAudio ? "," + H264.AAC_LC : "");
        return new Variant(uri, rung.bandwidth(withAudio ? audioKbps : 0), rung.width(), rung.height(), codecs, frameRate);
    }
}
