package dev.assetflow.domain.image;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renditions of an animated image (a GIF of more than one frame): per profile width at or below the
 * source's, an animated WebP and an H.264 MP4, plus one still poster (the first frame) at the largest
 * width. Sides are even, which H.264 4:2:0 needs.
 */
public final class AnimationPlanner {
    public static final String POSTER = "poster.jpg";

    private AnimationPlanner() {
    }

    /** An animation costs frames × pixels to decode and encode; both are checked before any decoding. */
    public record Limits(int maxFrames, long maxTotalPixels) {

        public Optional<Failure> check(int width, int height, int frames) {
            long total = (long) width * height * frames;
            if (frames > maxFrames) {
                return Optional.of(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the animation has " + frames
                        + " frames; the limit is " + maxFrames));
            }
            if (total > maxTotalPixels) {
                return Optional.of(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the animation is " + frames + " frames of "
                        + width + "x" + height + " = " + total + " pixels to decode; the limit is " + maxTotalPixels));
            }
            return Optional.empty();
        }
    }

    public static List<AnimationRenditionSpec> plan(ImageProfile profile, int displayWidth, int displayHeight) {
        List<AnimationRenditionSpec> specs = new ArrayList<>();
        AnimationRenditionSpec largest = null;
        for (ImageRenditionSpec still : ImageRenditionPlanner.plan(profile, displayWidth, displayHeight)) {
            if (still.format() != profile.formats().get(0)) {
                continue; // one size per width, whatever the formats of the stills are
            }
            int width = even(still.width(), displayWidth);
            int height = even(still.height(), displayHeight);
            specs.add(new AnimationRenditionSpec(still.width() + "w.webp", width, height, AnimationRenditionSpec.Output.ANIMATED_WEBP));
            specs.add(new AnimationRenditionSpec(still.width() + "w.mp4", width, height, AnimationRenditionSpec.Output.MP4));
            largest = new AnimationRenditionSpec(POSTER, width, height, AnimationRenditionSpec.Output.POSTER);
        }
        specs.add(largest);
        return specs;
    }

    /** The even number at or below {@code value}, at least 2, never above the source. */
    private static int even(int value, int sourceSide) {
        return Math.max(2, Math.min(value, sourceSide) & ~1);
    }
}
