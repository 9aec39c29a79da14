package dev.assetflow.imageworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.image.AnimationPlanner;
import dev.assetflow.domain.image.AnimationRenditionSpec;
import dev.assetflow.domain.image.ImageFormat;
import dev.assetflow.domain.image.ImageHeader;
import dev.assetflow.domain.image.ImageProfile;
import dev.assetflow.domain.image.ImageRenditionPlanner;
import dev.assetflow.domain.image.ImageRenditionSpec;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.ImageInfo;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.media.MediaProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Responsive images: probe (dimensions and EXIF orientation, before any full decode), the pixel
 * limit, then every missing width and format from one ffmpeg process. An animated GIF or PNG keeps its
 * animation: animated WebP and H.264 MP4 per width plus a still poster, within frame and pixel limits.
 * An SVG is checked and drawn by {@link SvgRasterizer}, then made into widths like any picture.
 */
final class ImageRenditions implements Renderer {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private static final Set<String> ANIMATABLE_CODECS = Set.of("gif", "apng");
    static final String FRAMES = "frames";
    static final String SVG = "image/svg+xml";
    static final String SVG_WIDTH = "svgWidth";
    static final String SVG_HEIGHT = "svgHeight";

    private final MediaProbe probe;
    private final ImageRenderer renderer;
    private final ProfileCatalog profiles;
    private final long maxPixels;
    private final AnimationPlanner.Limits animationLimits;
    private final SvgRasterizer svg;

    ImageRenditions(MediaProbe probe, ImageRenderer renderer, ProfileCatalog profiles, long maxPixels,
            AnimationPlanner.Limits animationLimits, SvgRasterizer svg) {
        this.probe = probe;
        this.renderer = renderer;
        this.profiles = profiles;
        this.maxPixels = maxPixels;
        this.animationLimits = animationLimits;
        this.svg = svg;
    }

    @Override
    public RenditionPlan plan(Asset asset, WorkMessage work, Path source) {
        ImageProfile profile = profile(work.route().profile());
        if (SVG.equals(work.mimeType())) { // the type ingest detected from the content
            return planVector(profile, source);
        }
        byte[] head = head(source);
        if (ImageHeader.animatedWebp(head)) {
            throw new FailureException(Failure.of(FailureCategory.UNSUPPORTED_TYPE, "an animated WebP: the bundled ffmpeg 7.0"
                    + " cannot decode WebP animation; upload the animation as a GIF, an animated PNG or a video"));
        }
        ImageHeader.read(head).filter(claimed -> claimed.pixels() > maxPixels).ifPresent(claimed -> {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the image's header claims "
                    + claimed.width() + "x" + claimed.height() + " = " + claimed.pixels() + " pixels; the limit is "
                    + maxPixels + " (refused before decoding)"));
        });
        ImageInfo info = probe.probeImage(source, PROBE_TIMEOUT);
        if (info.pixels() > maxPixels) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the image is " + info.width() + "x"
                    + info.height() + " = " + info.pixels() + " pixels; the limit is " + maxPixels));
        }
        int frames = ANIMATABLE_CODECS.contains(info.codec()) ? probe.countFrames(source, PROBE_TIMEOUT) : 1;
        if (frames > 1) {
            animationLimits.check(info.width(), info.height(), frames).ifPresent(failure -> {
                throw new FailureException(failure);
            });
            List<RenditionPlan.Planned> planned = AnimationPlanner.plan(profile, info.displayWidth(), info.displayHeight()).stream()
                    .map(spec -> new RenditionPlan.Planned(spec.name(), spec.output().contentType(), spec.width(), spec.height(), null))
                    .toList();
            return new RenditionPlan(profile.name(), profile.version(), planned, Map.of(FRAMES, frames));
        }
        return new RenditionPlan(profile.name(), profile.version(),
                stills(ImageRenditionPlanner.plan(profile, info.displayWidth(), info.displayHeight()), profile.quality(), ""));
    }

    /**
     * A still's bytes follow from its format, its size and the profile's quality (metadata is always stripped), and
     * for a vector from the raster it is scaled from ({@code basis}).
     */
    private static List<RenditionPlan.Planned> stills(List<ImageRenditionSpec> specs, int quality, String basis) {
        return specs.stream()
                .map(spec -> new RenditionPlan.Planned(spec.name(), spec.format().contentType(), spec.width(), spec.height(), null)
                        .withDefinition("still " + spec.format() + " " + spec.width() + "x" + spec.height() + " q" + quality + basis))
                .toList();
    }

    /**
     * A vector has no pixel size of its own: it is drawn at the profile's largest width (its aspect kept),
     * and every width is made from that raster, so a 24-pixel icon still gets sharp 1280-pixel renditions.
     */
    private RenditionPlan planVector(ImageProfile profile, Path source) {
        SvgRasterizer.SvgSize size = svg.inspect(source);
        int width = profile.widths().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long height = Math.max(1, Math.round(width * size.height() / size.width()));
        if ((long) width * height > maxPixels) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the SVG's aspect ("
                    + size.width() + "x" + size.height() + ") makes a " + width + "x" + height + " raster; the limit is "
                    + maxPixels + " pixels"));
        }
        return new RenditionPlan(profile.name(), profile.version(), stills(ImageRenditionPlanner.plan(profile, width, (int) height), profile.quality(),
                        " from a " + width + "x" + height + " raster"),
                Map.of(SVG_WIDTH, size.width(), SVG_HEIGHT, size.height(), "svgElements", size.elements()));
    }

    /** The first 64 KiB: enough for any header's size fields (a JPEG's frame header follows its EXIF). */
    private static byte[] head(Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft) {
        Map<String, RenditionPlan.Planned> byName = missing.stream()
                .collect(Collectors.toMap(RenditionPlan.Planned::name, Function.identity()));
        int quality = profile(plan.profile()).quality();
        if (plan.media().containsKey(SVG_WIDTH)) {
            RenditionPlan.Planned largest = plan.renditions().stream()
                    .max(Comparator.comparingInt(RenditionPlan.Planned::width)).orElseThrow();
            source = svg.rasterize(source, largest.width(), largest.height(), dir.resolve("vector.png"));
        }
        List<ImageRenderer.Rendered> rendered = plan.media().get(FRAMES) instanceof Integer frames && frames > 1
                ? renderer.renderAnimation(source, missing.stream().map(p -> new AnimationRenditionSpec(p.name(), p.width(),
                        p.height(), AnimationRenditionSpec.Output.ofContentType(p.contentType()))).toList(), quality, dir, timeLeft)
                : renderer.render(source, missing.stream().map(p -> new ImageRenditionSpec(p.name(), p.width(), p.height(),
                        ImageFormat.ofContentType(p.contentType()))).toList(), quality, dir, timeLeft);
        return rendered.stream().map(r -> ProducedRendition.single(byName.get(r.name()), r.file())).toList();
    }

    private ImageProfile profile(String name) {
        return profiles.image(name).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no image profile named '" + name + "'")));
    }
}
