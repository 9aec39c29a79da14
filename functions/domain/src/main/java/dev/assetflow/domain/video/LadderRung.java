package dev.assetflow.domain.video;

/** One planned variant: its name ({@code 1080p}), even output size, bitrates and H.264 level. */
public record LadderRung(String name, int width, int height, int videoKbps, int maxKbps, String level) {

    /** Peak bandwidth of the variant in bits per second, as HLS's BANDWIDTH attribute wants it. */
    public long bandwidth(int audioKbps) {
        return (long) (maxKbps + audioKbps) * 1000;
    }
}
