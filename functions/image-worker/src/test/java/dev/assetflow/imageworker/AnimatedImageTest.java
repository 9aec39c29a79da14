package dev.assetflow.imageworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.image.AnimationPlanner;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.runtime.config.ConfigText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animated GIFs and PNGs keep their animation; every output is read back (ffprobe, or the WebP's frame chunks). */
class AnimatedImageTest {
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final SampleMedia SAMPLES = new SampleMedia(TOOLS);
    static final MediaProbe PROBE = new MediaProbe(TOOLS, new ProcessRunner());
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final WorkMessage WORK = new WorkMessage(1, AssetId.random().value(), "image", "image/gif",
            new SourceObject("b", "k", "e", null, 1), new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 1),
            null, Instant.now());

    @TempDir
    Path dir;

    @Test
    void anAnimatedGifBecomesAnimatedWebpsMp4sAndAStillPoster() throws Exception {
        Path gif = SAMPLES.animation(dir.resolve("dance.gif"), 400, 300, 12);
        ImageRenditions renditions = renditions(new AnimationPlanner.Limits(1000, 500_000_000L));
        RenditionPlan plan = renditions.plan(asset(), WORK, gif);

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
        RenditionPlan plan = renditions(new AnimationPlanner.Limits(1000, 500_000_000L)).plan(asset(), WORK, png);
        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("200w.webp", "200w.mp4", "poster.jpg");
    }

    @Test
    void anAnimationOverTheFrameLimitFailsWithThatReason() {
        Path gif = SAMPLES.animation(dir.resolve("long.gif"), 64, 64, 30);
        assertThatThrownBy(() -> renditions(new AnimationPlanner.Limits(20, 500_000_000L)).plan(asset(), WORK, gif))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED);
                    assertThat(e.failure().reason()).isEqualTo("the animation has 30 frames; the limit is 20");
                });
    }

    @Test
    void anAnimatedWebpIsRefusedWithWhatToUploadInstead() {
        Path webp = SAMPLES.animation(dir.resolve("loop.webp"), 64, 64, 3);
        assertThatThrownBy(() -> renditions(new AnimationPlanner.Limits(1000, 500_000_000L)).plan(asset(), WORK, webp))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.UNSUPPORTED_TYPE);
                    assertThat(e.failure().reason()).contains("animated WebP", "GIF");
                });
    }

    @Test
    void aStillGifStaysAStillImage() {
        Path gif = SAMPLES.animation(dir.resolve("still.gif"), 400, 300, 1);
        RenditionPlan plan = renditions(new AnimationPlanner.Limits(1000, 500_000_000L)).plan(asset(), WORK, gif);
        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("320w.webp", "320w.jpg");
    }

    /** An animated WebP holds one ANMF chunk per frame (ffmpeg 7.0 cannot decode them to count). */
    private static int webpFrames(Path webp) throws Exception {
        String riff = new String(Files.readAllBytes(webp), StandardCharsets.ISO_8859_1);
        assertThat(riff).startsWith("RIFF").contains("WEBPVP8X", "ANIM");
        return (int) Pattern.compile("ANMF").matcher(riff).results().count();
    }

    private static ImageRenditions renditions(AnimationPlanner.Limits limits) {
        ProcessRunner runner = new ProcessRunner();
        try {
            return new ImageRenditions(new MediaProbe(TOOLS, runner), new ImageRenderer(TOOLS, runner),
                    ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")), 100_000_000L, limits,
                    new SvgRasterizer(5L * 1024 * 1024, 50_000));
        } catch (ConfigInvalidException e) {
            throw new AssertionError("the bundled profiles are invalid", e);
        }
    }

    private static Asset asset() {
        return Asset.received(new AssetId(WORK.assetId()), WORK.source(), "image/gif", Instant.now(), "test");
    }
}
