package dev.assetflow.imageworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.image.AnimationPlanner;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.runtime.config.ConfigText;
import java.time.Duration;
import java.time.Instant;

/** The image worker's renderer wired as the worker wires it, with the real ffmpeg and the bundled profiles. */
final class RenditionsUnderTest {
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final SampleMedia SAMPLES = new SampleMedia(TOOLS);
    static final MediaProbe PROBE = new MediaProbe(TOOLS, new ProcessRunner());
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final AnimationPlanner.Limits ANIMATION_LIMITS = new AnimationPlanner.Limits(1000, 500_000_000L);
    static final SvgRasterizer SVG = new SvgRasterizer(5L * 1024 * 1024, 50_000);

    private RenditionsUnderTest() {
    }

    static ImageRenditions renditions() {
        return renditions(ANIMATION_LIMITS, SVG);
    }

    static ImageRenditions renditions(AnimationPlanner.Limits animationLimits, SvgRasterizer svg) {
        try {
            return new ImageRenditions(PROBE, new ImageRenderer(TOOLS, new ProcessRunner()),
                    ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")), 100_000_000L, animationLimits, svg);
        } catch (ConfigInvalidException e) {
            throw new AssertionError("the bundled profiles are invalid", e);
        }
    }

    /** The work message ingest sends for an image whose content is {@code detectedType}. */
    static WorkMessage work(String detectedType) {
        return new WorkMessage(1, AssetId.random().value(), "image", detectedType, new SourceObject("b", "k", "e", null, 1),
                new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 1), null, Instant.now());
    }

    static Asset asset(WorkMessage work) {
        return Asset.received(new AssetId(work.assetId()), work.source(), work.mimeType(), Instant.now(), "test");
    }
}
