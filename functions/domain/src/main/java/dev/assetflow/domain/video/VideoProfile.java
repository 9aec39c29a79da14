package dev.assetflow.domain.video;

import java.util.ArrayList;
import java.util.List;

/**
 * An adaptive-bitrate profile: the ladder (rungs by their short side, so portrait video gets the
 * same quality steps), HLS segment length, the x264 preset, the MP4 fallback's size, the poster and
 * the storyboard. {@code encodePixelsPerCpuSecond} is the host's calibration for cost estimates: output
 * pixels (summed over the rungs) one CPU-second encodes at the {@code veryfast} preset, decode included,
 * as {@code ./scripts/bench-transcode} measures it (see {@link EncodeEstimate}).
 */
public record VideoProfile(
        String name,
        int version,
        List<Rung> rungs,
        int segmentSeconds,
        String x264Preset,
        int audioKbps,
        int fallbackMaxShortSide,
        Poster poster,
        Storyboard storyboard,
        double encodePixelsPerCpuSecond) {

    public VideoProfile {
        rungs = List.copyOf(rungs);
    }

    /** One step of the ladder. {@code level} is the H.264 level, e.g. "4.0". */
    public record Rung(String name, int shortSide, int videoKbps, int maxKbps, String level) {}

    /** The poster frame: taken at {@code atFraction} of the duration, at most {@code maxWidth} wide. */
    public record Poster(double atFraction, int maxWidth) {}

    /** Thumbnails every {@code intervalSeconds} (more when the video is long), {@code columns} per sprite row. */
    public record Storyboard(int thumbWidth, int columns, int intervalSeconds, int maxThumbnails) {}

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || version <= 0) {
            problems.add("a video profile needs a name and a positive version");
        }
        if (rungs.isEmpty()) {
            problems.add(name + ": at least one rung is needed");
        }
        for (Rung rung : rungs) {
            if (rung.shortSide() <= 0 || rung.shortSide() % 2 != 0 || rung.videoKbps() <= 0 || rung.maxKbps() < rung.videoKbps()) {
                problems.add(name + ": rung " + rung.name() + " needs an even short side and maxKbps >= videoKbps > 0");
            }
            if (!H264.isKnownLevel(rung.level())) {
                problems.add(name + ": rung " + rung.name() + " has an unknown H.264 level " + rung.level());
            }
        }
        if (segmentSeconds < 1 || segmentSeconds > 10) {
            problems.add(name + ": segmentSeconds must be 1-10");
        }
        if (poster == null || poster.atFraction() < 0 || poster.atFraction() >= 1 || poster.maxWidth() < 2) {
            problems.add(name + ": poster.atFraction must be in [0, 1) and maxWidth positive");
        }
        if (storyboard == null || storyboard.thumbWidth() < 16 || storyboard.columns() < 1
                || storyboard.intervalSeconds() < 1 || storyboard.maxThumbnails() < 1) {
            problems.add(name + ": storyboard needs thumbWidth >= 16, columns, intervalSeconds and maxThumbnails >= 1");
        }
        if (!(encodePixelsPerCpuSecond > 0)) {
            problems.add(name + ": encodePixelsPerCpuSecond must be positive (measure it with ./scripts/bench-transcode)");
        }
        return problems;
    }
}
