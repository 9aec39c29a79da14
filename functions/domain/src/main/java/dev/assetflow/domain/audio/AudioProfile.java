package dev.assetflow.domain.audio;

import java.util.ArrayList;
import java.util.List;

/** Audio: an AAC rendition at a bitrate, and a waveform (peaks as JSON, and an image of a given size). */
public record AudioProfile(String name, int version, int aacKbps, int waveformPeaks, int waveformWidth, int waveformHeight) {

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || version <= 0) {
            problems.add("an audio profile needs a name and a positive version");
        }
        if (aacKbps < 32 || aacKbps > 512) {
            problems.add(name + ": aacKbps must be 32-512");
        }
        if (waveformPeaks < 10 || waveformWidth < 10 || waveformHeight < 10) {
            problems.add(name + ": the waveform needs at least 10 peaks and a 10x10 image");
        }
        return problems;
    }
}
