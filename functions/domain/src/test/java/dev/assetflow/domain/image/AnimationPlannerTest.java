package dev.assetflow.domain.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.failure.FailureCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnimationPlannerTest {
    static final ImageProfile PROFILE = new ImageProfile("image-responsive", 1, List.of(320, 640, 1280),
            List.of(ImageFormat.WEBP, ImageFormat.JPEG), 80);

    @Test
    void anAnimationGetsAnAnimatedWebpAndAnMp4PerWidthAndOnePosterAtTheLargest() {
        assertThat(AnimationPlanner.plan(PROFILE, 800, 450)).containsExactly(
                new AnimationRenditionSpec("320w.webp", 320, 180, AnimationRenditionSpec.Output.ANIMATED_WEBP),
                new AnimationRenditionSpec("320w.mp4", 320, 180, AnimationRenditionSpec.Output.MP4),
                new AnimationRenditionSpec("640w.webp", 640, 360, AnimationRenditionSpec.Output.ANIMATED_WEBP),
                new AnimationRenditionSpec("640w.mp4", 640, 360, AnimationRenditionSpec.Output.MP4),
                new AnimationRenditionSpec("poster.jpg", 640, 360, AnimationRenditionSpec.Output.POSTER));
    }

    @Test
    void aSmallOddSizedAnimationKeepsItsSizeMadeEvenNeverLarger() {
        assertThat(AnimationPlanner.plan(PROFILE, 201, 151)).extracting(s -> s.name() + " " + s.width() + "x" + s.height())
                .containsExactly("201w.webp 200x150", "201w.mp4 200x150", "poster.jpg 200x150");
    }

    @Test
    void framesAndDecodedPixelsAreLimited() {
        AnimationPlanner.Limits limits = new AnimationPlanner.Limits(100, 10_000_000);
        assertThat(limits.check(100, 100, 100)).isEmpty();
        assertThat(limits.check(100, 100, 101)).hasValueSatisfying(failure -> {
            assertThat(failure.category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED);
            assertThat(failure.reason()).isEqualTo("the animation has 101 frames; the limit is 100");
        });
        assertThat(limits.check(1000, 1000, 11)).hasValueSatisfying(failure ->
                assertThat(failure.reason()).contains("11 frames of 1000x1000 = 11000000 pixels", "limit is 10000000"));
    }
}
