package dev.assetflow.videoworker;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import dev.assetflow.media.MediaTools;
import java.util.Map;

/**
 * The video worker's configuration: what every worker reads, the limits of the in-function path
 * (longer or larger video belongs to the MediaConvert path, which the routing rules choose), and ffmpeg.
 */
record VideoWorkerConfig(WorkerConfig worker, double maxDurationSeconds, long maxPixels, MediaTools tools) {

    static VideoWorkerConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new VideoWorkerConfig(WorkerConfig.from(env), env.longValue("MAX_VIDEO_SECONDS", 900),
                env.longValue("MAX_VIDEO_PIXELS", 4096L * 2304), MediaTools.from(variables));
    }
}
