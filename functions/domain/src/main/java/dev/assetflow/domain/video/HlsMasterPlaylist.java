package dev.assetflow.domain.video;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HLS master playlist, written from the plan rather than by ffmpeg, so that it lists every
 * variant even when a retry produced only some of them
 * (https://datatracker.ietf.org/doc/html/rfc8216#section-4.3.4.2). Sound is one audio rendition that
 * every variant refers to through its {@code AUDIO} group (RFC 8216, 4.3.4.1.1): encoded once, not once
 * per rung, and on the segmented path free of an encoder-priming gap at every chunk boundary.
 */
public final class HlsMasterPlaylist {
    /** The audio group every variant names. */
    public static final String AUDIO_GROUP = "audio";

    private HlsMasterPlaylist() {
    }

    /**
     * One variant stream: its playlist URI relative to the master, the attributes players select by, and
     * its audio group (null: silent).
     */
    public record Variant(String uri, long bandwidth, int width, int height, String codecs, double frameRate, String audioGroup) {}

    /** @param audioPlaylist the audio rendition's playlist URI, when the variants have sound */
    public static String render(List<Variant> variants, Optional<String> audioPlaylist) {
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        audioPlaylist.ifPresent(uri -> playlist.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"").append(AUDIO_GROUP)
                .append("\",NAME=\"main\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"").append(uri).append("\"\n"));
        variants.stream()
                .sorted((a, b) -> Long.compare(b.bandwidth(), a.bandwidth()))
                .forEach(v -> playlist.append(String.format(Locale.ROOT,
                        "#EXT-X-STREAM-INF:BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"%s\",FRAME-RATE=%.3f%s%n%s%n",
                        v.bandwidth(), v.width(), v.height(), v.codecs(), v.frameRate(),
                        v.audioGroup() == null || audioPlaylist.isEmpty() ? "" : ",AUDIO=\"" + v.audioGroup() + "\"", v.uri())));
        return playlist.toString();
    }

    public static Variant of(LadderRung rung, String uri, int audioKbps, boolean withAudio, double frameRate) {
        String codecs = H264.highProfileCodec(rung.level()) + (withAudio ? "," + H264.AAC_LC : "");
        return new Variant(uri, rung.bandwidth(withAudio ? audioKbps : 0), rung.width(), rung.height(), codecs, frameRate,
                withAudio ? AUDIO_GROUP : null);
    }
}
