package dev.assetflow.domain.video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rungs a source gets: every rung whose short side is at or below the source's (never
 * upscaled), sized on the short side so portrait video works, with even dimensions (H.264 4:2:0
 * needs them). A source that lies between two rungs, well above the highest one it reaches, also gets a
 * top rung at its own size (a 1278x718 source would otherwise top out at 480p and lose a third of its
 * height); so does a source smaller than the smallest rung. That rung's bitrate is the next rung up's,
 * scaled by area.
 */
public final class LadderPlanner {
    /**
     * A source rung is added when the source's short side is more than this much above the highest rung it
     * reaches: 1.2 keeps a 722p source at 720p (a second rung 0.3 % larger would only cost encode time)
     * and gives a 718p source its own rung instead of 480p.
     */
    static final double SOURCE_RUNG_GAP = 1.2;

    private LadderPlanner() {
    }

    public static List<LadderRung> plan(VideoProfile profile, SourceVideo source) {
        if (source.displayWidth() < 2 || source.displayHeight() < 2) {
            throw new IllegalArgumentException("a video needs at least 2x2 pixels");
        }
        List<VideoProfile.Rung> rungs = profile.rungs().stream()
                .sorted(Comparator.comparingInt(VideoProfile.Rung::shortSide).reversed()).toList();
        List<LadderRung> planned = new ArrayList<>();
        VideoProfile.Rung nextUp = null;
        for (VideoProfile.Rung rung : rungs) {
            if (rung.shortSide() <= source.shortSide()) {
                planned.add(sized(rung.name(), rung.shortSide(), source, rung.videoKbps(), rung.maxKbps(), rung.level()));
            } else {
                nextUp = rung;
            }
        }
        int highestReached = planned.isEmpty() ? 0 : Math.min(planned.get(0).width(), planned.get(0).height());
        if (nextUp != null && source.shortSide() > highestReached * SOURCE_RUNG_GAP) {
            planned.add(0, sourceRung(nextUp, source));
        }
        return planned;
    }

    /** A rung at the source's own size, its bitrate the next rung up's scaled by area. */
    private static LadderRung sourceRung(VideoProfile.Rung nextUp, SourceVideo source) {
        int shortSide = evenAtMost(source.shortSide(), source.shortSide());
        double area = (double) shortSide * shortSide / ((double) nextUp.shortSide() * nextUp.shortSide());
        return sized(shortSide + "p", shortSide, source, Math.max(64, (int) Math.round(nextUp.videoKbps() * area)),
                Math.max(96, (int) Math.round(nextUp.maxKbps() * area)), nextUp.level());
    }

    private static LadderRung sized(String name, int shortSide, SourceVideo source, int videoKbps, int maxKbps, String level) {
        int sourceLong = Math.max(source.displayWidth(), source.displayHeight());
        int longSide = evenAtMost((double) sourceLong * shortSide / source.shortSide(), sourceLong);
        return source.portrait()
                ? new LadderRung(name, shortSide, longSide, videoKbps, maxKbps, level)
                : new LadderRung(name, longSide, shortSide, videoKbps, maxKbps, level);
    }

    /** The nearest even number, at least 2. */
    static int even(double value) {
        return Math.max(2, (int) (2 * Math.round(value / 2.0)));
    }

    /** The nearest even number that does not exceed {@code limit}: rounding must never upscale. */
    static int evenAtMost(double value, int limit) {
        int even = even(value);
        return even > limit ? Math.max(2, even - 2) : even;
    }

    /** The rung the MP4 fallback is cut from: the largest at or below the limit, else the smallest. */
    public static LadderRung fallback(List<LadderRung> ladder, int maxShortSide) {
        return ladder.stream()
                .filter(r -> Math.min(r.width(), r.height()) <= maxShortSide)
                .max(Comparator.comparingInt(r -> Math.min(r.width(), r.height())))
                .orElseGet(() -> ladder.stream().min(Comparator.comparingInt(r -> Math.min(r.width(), r.height()))).orElseThrow());
    }
}
