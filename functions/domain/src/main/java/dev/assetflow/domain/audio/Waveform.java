package dev.assetflow.domain.audio;

import java.util.List;

/**
 * Peaks of a waveform: for each of {@code peaks} equal slices of the audio, the minimum and maximum
 * sample (16-bit range), in the shape waveform players read (BBC audiowaveform's JSON: version,
 * channels, sample_rate, samples_per_pixel, bits, length, data).
 */
public record Waveform(int version, int channels, int sample_rate, int samples_per_pixel, int bits, int length, List<Integer> data) {

    /** Reduces 16-bit little-endian mono samples to {@code peaks} min/max pairs. */
    public static Waveform of(short[] samples, int sampleRate, int peaks) {
        int perPeak = Math.max(1, (int) Math.ceil((double) samples.length / peaks));
        int length = samples.length == 0 ? 0 : (samples.length + perPeak - 1) / perPeak;
        Integer[] data = new Integer[length * 2];
        for (int p = 0; p < length; p++) {
            int min = Short.MAX_VALUE;
            int max = Short.MIN_VALUE;
            for (int i = p * perPeak; i < Math.min(samples.length, (p + 1) * perPeak); i++) {
                min = Math.min(min, samples[i]);
                max = Math.max(max, samples[i]);
            }
            data[2 * p] = min;
            data[2 * p + 1] = max;
        }
        return new Waveform(2, 1, sampleRate, perPeak, 16, length, List.of(data));
    }
}
