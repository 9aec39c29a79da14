package dev.assetflow.imageworker;

import static dev.assetflow.imageworker.RenditionsUnderTest.PROBE;
import static dev.assetflow.imageworker.RenditionsUnderTest.SAMPLES;
import static dev.assetflow.imageworker.RenditionsUnderTest.SVG;
import static dev.assetflow.imageworker.RenditionsUnderTest.TIMEOUT;
import static dev.assetflow.imageworker.RenditionsUnderTest.asset;
import static dev.assetflow.imageworker.RenditionsUnderTest.renditions;
import static dev.assetflow.imageworker.RenditionsUnderTest.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.image.AnimationPlanner;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animated GIFs and PNGs keep their animation; every output is read back (ffprobe, or the WebP's frame chunks). */
class AnimatedImageTest {
    static final WorkMessage WORK = work("image/gif");

    @TempDir
    Path dir;

    @Test
    void anAnimatedGifBecomesAnimatedWebpsMp4sAndAStillPoster() throws Exception {
        Path gif = SAMPLES.animation(dir.resolve("dance.gif"), 400, 300, 12);
        ImageRenditions renditions = renditions();
        RenditionPlan plan = renditions.plan(asset(WORK), WORK, gif);

        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name)
                .containsExactly("320w.webp", "320w.mp4", "poster.jpg");
        assertThat(plan.media()).containsEntry("frames", 12);
        Map<String, ProducedRendition> produced = renditions.produce(plan, plan.renditions(), gif, dir, TIMEOUT).stream()
                .collect(Collectors.toMap(p -> p.planned().name(), Function.identity()));

        assertThat(webpFrames(produced.get("320w.webp").mainFile())).as("frames of the animated WebP").isEqualTo(12);
        assertThat(produced.get("320w.webp").mainKey()).isEqualTo("320w.webp");
        assertThat(PROBE.countFrames(produced.get("320w.mp4").mainFile(), TIMEOUT)).isEqualTo(12);
        var mp4 = PROBE.probeMedia(produced.get("320w.mp4").mainFile().toString(), dir, TIMEOUT).video().orElseThrow();
        assertThat(mp4.codec() + " " + mp4.width() + "x" + mp4.height() + " " + mp4.pixelFormat()).isEqualTo("h264 320x240 yuv420p");
        var poster = PROBE.probeImage(produced.get("poster.jpg").mainFile(), TIMEOUT);
        assertThat(poster.codec() + " " + poster.width() + "x" + poster.height()).isEqualTo("mjpeg 320x240");
    }

    @Test
    void anAnimatedPngKeepsItsAnimationToo() {
        Path png = SAMPLES.animation(dir.resolve("spinner.png"), 200, 200, 5);
        RenditionPlan plan = renditions().plan(asset(WORK), WORK, png);
        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("200w.webp", "200w.mp4", "poster.jpg");
    }

    @Test
    void anAnimationOverTheFrameLimitFailsWithThatReason() {
        Path gif = SAMPLES.animation(dir.resolve("long.gif"), 64, 64, 30);
        assertThatThrownBy(() -> renditions(new AnimationPlanner.Limits(20, 500_000_000L), SVG).plan(asset(WORK), WORK, gif))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED);
                    assertThat(e.failure().reason()).isEqualTo("the animation has 30 frames; the limit is 20");
                });
    }

    @Test
    void anAnimatedWebpIsRefusedWithWhatToUploadInstead() {
        Path webp = SAMPLES.animation(dir.resolve("loop.webp"), 64, 64, 3);
        assertThatThrownBy(() -> renditions().plan(asset(WORK), WORK, webp))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.UNSUPPORTED_TYPE);
                    assertThat(e.failure().reason()).contains("animated WebP", "GIF");
                });
    }

    @Test
    void aStillGifStaysAStillImage() {
        Path gif = SAMPLES.animation(dir.resolve("still.gif"), 400, 300, 1);
        RenditionPlan plan = renditions().plan(asset(WORK), WORK, gif);
        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("320w.webp", "320w.jpg");
    }

    /** An animated WebP holds one ANMF chunk per frame (ffmpeg 7.0 cannot decode them to count). */
    private static int webpFrames(Path webp) throws Exception {
        String riff = new String(Files.readAllBytes(webp), StandardCharsets.ISO_8859_1);
        assertThat(riff).startsWith("RIFF").contains("WEBPVP8X", "ANIM");
        return (int) Pattern.compile("ANMF").matcher(riff).results().count();
    }

}
