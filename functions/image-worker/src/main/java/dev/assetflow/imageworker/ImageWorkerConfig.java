package dev.assetflow.imageworker;

import dev.assetflow.domain.image.AnimationPlanner;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import dev.assetflow.media.MediaTools;
import java.util.Map;

/**
 * The image worker's configuration: what every worker reads, the pixel limit, the animation limits
 * (frames, and frames × pixels: 500 frames of 1000x1000 by default), the SVG limits (5 MiB, 50,000
 * elements, checked before anything is drawn) and ffmpeg.
 */
record ImageWorkerConfig(WorkerConfig worker, long maxImagePixels, AnimationPlanner.Limits animationLimits, long maxSvgBytes,
        int maxSvgElements, MediaTools tools) {

    static ImageWorkerConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new ImageWorkerConfig(WorkerConfig.from(env), env.longValue("MAX_IMAGE_PIXELS", 100_000_000L),
                new AnimationPlanner.Limits((int) env.longValue("MAX_ANIMATION_FRAMES", 1_000L),
                        env.longValue("MAX_ANIMATION_PIXELS", 500_000_000L)),
                env.longValue("MAX_SVG_BYTES", 5L * 1024 * 1024), (int) env.longValue("MAX_SVG_ELEMENTS", 50_000L),
                MediaTools.from(variables));
    }
}
