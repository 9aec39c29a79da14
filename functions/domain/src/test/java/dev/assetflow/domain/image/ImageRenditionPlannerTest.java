package dev.assetflow.domain.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRenditionPlannerTest {
    static final ImageProfile PROFILE = new ImageProfile("image-responsive", 1, List.of(320, 640, 1280),
            List.of(ImageFormat.WEBP, ImageFormat.JPEG), 80);

    @Test
    void everyWidthInEveryFormatForALargeSource() {
        assertThat(ImageRenditionPlanner.plan(PROFILE, 1920, 1080)).containsExactly(
                new ImageRenditionSpec("320w.webp", 320, 180, ImageFormat.WEBP),
                new ImageRenditionSpec("320w.jpg", 320, 180, ImageFormat.JPEG),
                new ImageRenditionSpec("640w.webp", 640, 360, ImageFormat.WEBP),
                new ImageRenditionSpec("640w.jpg", 640, 360, ImageFormat.JPEG),
                new ImageRenditionSpec("1280w.webp", 1280, 720, ImageFormat.WEBP),
                new ImageRenditionSpec("1280w.jpg", 1280, 720, ImageFormat.JPEG));
    }

    @Test
    void neverUpscales() {
        assertThat(ImageRenditionPlanner.plan(PROFILE, 800, 1200))
                .extracting(ImageRenditionSpec::width).containsExactly(320, 320, 640, 640);
        assertThat(ImageRenditionPlanner.plan(PROFILE, 640, 480))
                .extracting(ImageRenditionSpec::name).contains("640w.jpg").doesNotContain("1280w.jpg");
    }

    @Test
    void aTinySourceKeepsItsOwnWidth() {
        assertThat(ImageRenditionPlanner.plan(PROFILE, 100, 50)).containsExactly(
                new ImageRenditionSpec("100w.webp", 100, 50, ImageFormat.WEBP),
                new ImageRenditionSpec("100w.jpg", 100, 50, ImageFormat.JPEG));
    }

    @Test
    void keepsTheAspectRatioOfPortraitSources() {
        assertThat(ImageRenditionPlanner.plan(PROFILE, 1080, 1920).get(0))
                .isEqualTo(new ImageRenditionSpec("320w.webp", 320, 569, ImageFormat.WEBP));
    }

    @Test
    void profileProblemsAreListed() {
        assertThat(new ImageProfile("p", 0, List.of(0), List.of(), 101).problems()).containsExactly(
                "p: version must be positive", "p: widths must be positive numbers",
                "p: at least one format is needed", "p: quality must be 1-100");
    }
}
