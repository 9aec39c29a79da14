package dev.assetflow.imageworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.image.ImageFormat;
import dev.assetflow.domain.image.ImageProfile;
import dev.assetflow.domain.image.ImageRenditionPlanner;
import dev.assetflow.domain.image.ImageRenditionSpec;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.media.ImageInfo;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
/** Real ffmpeg and ffprobe on real pictures. */
class ImageRendererTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final ImageProfile PROFILE = new ImageProfile("image-responsive", 1, List.of(320, 640, 1280),
            List.of(ImageFormat.WEBP, ImageFormat.JPEG), 80);

    private final MediaTools tools = MediaTools.fromVenv();
    private final ProcessRunner runner = new ProcessRunner();
    private final MediaProbe probe = new MediaProbe(tools, runner);
    private final ImageRenderer renderer = new ImageRenderer(tools, runner);
    private final SampleMedia samples = new SampleMedia(tools);

    @TempDir
    Path dir;

    @Test
    void rendersEveryPlannedRenditionAtItsExactSizeFromOneProcess() {
        Path source = samples.picture(dir.resolve("source.png"), 1600, 900);
        ImageInfo info = probe.probeImage(source, TIMEOUT);
        assertThat(info).isEqualTo(new ImageInfo(1600, 900, 0, "png"));

        List<ImageRenditionSpec> plan = ImageRenditionPlanner.plan(PROFILE, info.displayWidth(), info.displayHeight());
        List<ImageRenderer.Rendered> rendered = renderer.render(source, plan, 80, dir, TIMEOUT);

        assertThat(rendered).hasSize(6);
        for (ImageRenderer.Rendered output : rendered) {
            ImageRenditionSpec spec = plan.stream().filter(s -> s.name().equals(output.name())).findFirst().orElseThrow();
            ImageInfo produced = probe.probeImage(output.file(), TIMEOUT);
            assertThat(produced.width()).as(spec.name()).isEqualTo(spec.width());
            assertThat(produced.height()).as(spec.name()).isEqualTo(spec.height());
            assertThat(produced.codec()).isEqualTo(spec.format() == ImageFormat.WEBP ? "webp" : "mjpeg");
        }
    }

    @Test
    void honoursExifOrientationAndStripsMetadata() throws Exception {
        Path source = samples.jpegWithOrientation(dir.resolve("phone.jpg"), 800, 400, 6);
        assertThat(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1)).contains(SampleMedia.CAMERA_MAKE);
        ImageInfo info = probe.probeImage(source, TIMEOUT);
        assertThat(info.rotationDegrees()).isEqualTo(-90);
        assertThat(info.displayWidth()).isEqualTo(400);
        assertThat(info.displayHeight()).isEqualTo(800);

        List<ImageRenditionSpec> plan = ImageRenditionPlanner.plan(PROFILE, info.displayWidth(), info.displayHeight());
        assertThat(plan).extracting(ImageRenditionSpec::name).containsExactly("320w.webp", "320w.jpg");
        for (ImageRenderer.Rendered output : renderer.render(source, plan, 80, dir, TIMEOUT)) {
            ImageInfo produced = probe.probeImage(output.file(), TIMEOUT);
            assertThat(produced.width()).isEqualTo(320);
            assertThat(produced.height()).isEqualTo(640); // portrait, as displayed
            assertThat(produced.rotationDegrees()).isZero();
            assertThat(new String(Files.readAllBytes(output.file()), StandardCharsets.ISO_8859_1))
                    .doesNotContain(SampleMedia.CAMERA_MAKE).doesNotContain("Exif");
        }
    }

    @Test
    void aTruncatedPictureIsCorruptMedia() {
        Path whole = samples.picture(dir.resolve("whole.png"), 640, 480);
        Path cut = SampleMedia.truncated(whole, dir.resolve("cut.png"), 100);
        assertThatThrownBy(() -> {
            ImageInfo info = probe.probeImage(cut, TIMEOUT);
            renderer.render(cut, ImageRenditionPlanner.plan(PROFILE, info.displayWidth(), info.displayHeight()), 80, dir, TIMEOUT);
        }).isInstanceOfSatisfying(FailureException.class,
                e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA));
    }

    @Test
    void textIsNotAPicture() {
        Path text = SampleMedia.text(dir.resolve("notes.png"), "just words");
        assertThatThrownBy(() -> probe.probeImage(text, TIMEOUT))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA);
                    assertThat(e.failure().reason()).contains("finds no picture");
                });
    }

    @Test
    void theFilterGraphScalesEachWidthOnceAndSplitsPerFormat() {
        List<ImageRenditionSpec> plan = ImageRenditionPlanner.plan(PROFILE, 700, 350);
        assertThat(ImageRenderer.filterGraph(plan)).isEqualTo("[0:v:0]split=2[w0][w1]"
                + ";[w0]scale=320:160:flags=lanczos,split=2[f0][f1];[f0]format=yuva420p[o0]"
                + ";color=c=white:s=320x160[b1];[b1][f1]overlay=shortest=1:format=auto,format=yuvj420p[o1]"
                + ";[w1]scale=640:320:flags=lanczos,split=2[f2][f3];[f2]format=yuva420p[o2]"
                + ";color=c=white:s=640x320[b3];[b3][f3]overlay=shortest=1:format=auto,format=yuvj420p[o3]");
    }

    @Test
    void aTransparentPictureGetsAWhiteBackgroundInJpegAndKeepsItsAlphaInWebp() {
        Path source = samples.transparentPicture(dir.resolve("logo.png"), 400, 200);
        List<ImageRenditionSpec> plan = ImageRenditionPlanner.plan(PROFILE, 400, 200);
        for (ImageRenderer.Rendered output : renderer.render(source, plan, 80, dir, TIMEOUT)) {
            String corner = samples.topLeftPixel(output.file());
            if (output.name().endsWith(".jpg")) {
                assertThat(corner).as("the transparent corner, in JPEG").isEqualTo("255,255,255,255");
            } else {
                assertThat(corner).as("the transparent corner, in WebP").endsWith(",0");
            }
        }
    }
}
