package dev.assetflow.domain.video;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The encode work of a ladder, known before anything is decoded: frames × the output pixels of every
 * rung × the x264 preset's relative cost, divided by what one CPU-second encodes on the deployed host
 * (a calibration the transcode benchmark measures for the profile's preset). The engine choice and the
 * chunk sizes follow from it rather than from the duration alone: a minute of 4K costs what four of
 * 1080p cost.
 */
public record EncodeEstimate(long frames, long outputPixelsPerFrame, double presetFactor, double cpuSeconds) {

    /**
     * Cost of x264's presets relative to {@code veryfast}, from their published speed ordering (x264
     * --help; each step roughly 1.3-1.8 times slower). Only a default: a profile's own preset is what the
     * calibration measures, so for it the factor cancels out.
     */
    static final Map<String, Double> PRESET_FACTORS = Map.of(
            "ultrafast", 0.45, "superfast", 0.65, "veryfast", 1.0, "faster", 1.45, "fast", 1.8,
            "medium", 2.4, "slow", 4.0, "slower", 8.0, "veryslow", 16.0);

    /** With the profile's preset and calibration. */
    public static EncodeEstimate of(List<LadderRung> ladder, SourceVideo source, VideoProfile profile) {
        return of(ladder, source, profile.x264Preset(), profile.encodePixelsPerCpuSecond());
    }

    /** The factor that turns work at {@code x264Preset} into {@code veryfast} work. */
    public static double presetFactor(String x264Preset) {
        Double factor = PRESET_FACTORS.get(x264Preset.toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalArgumentException("no cost known for the x264 preset '" + x264Preset + "'");
        }
        return factor;
    }

    public static EncodeEstimate of(List<LadderRung> ladder, SourceVideo source, String x264Preset,
            double veryfastPixelsPerCpuSecond) {
        if (veryfastPixelsPerCpuSecond <= 0) {
            throw new IllegalArgumentException("the calibration must be positive");
        }
        double factor = presetFactor(x264Preset);
        long frames = Math.round(Math.ceil(source.durationSeconds() * source.frameRate()));
        long pixels = ladder.stream().mapToLong(rung -> (long) rung.width() * rung.height()).sum();
        return new EncodeEstimate(frames, pixels, factor, frames * (double) pixels * factor / veryfastPixelsPerCpuSecond);
    }

    /** CPU-seconds per second of source: what sizes a chunk. */
    public double cpuSecondsPer(double sourceSeconds, double durationSeconds) {
        return durationSeconds <= 0 ? cpuSeconds : cpuSeconds * sourceSeconds / durationSeconds;
    }
}
