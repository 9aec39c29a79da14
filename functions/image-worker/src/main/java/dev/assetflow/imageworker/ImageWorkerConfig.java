package dev.assetflow.imageworker;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import dev.assetflow.media.MediaTools;
import java.util.Map;

/** The image worker's configuration: what every worker reads, the pixel limit, and ffmpeg. */
record ImageWorkerConfig(WorkerConfig worker, long maxImagePixels, MediaTools tools) {

    static ImageWorkerConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new ImageWorkerConfig(WorkerConfig.from(env), env.longValue("MAX_IMAGE_PIXELS", 100_000_000L),
                MediaTools.from(variables));
    }
}
