package dev.assetflow.videochunkworker;

import dev.assetflow.media.MediaTools;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import java.util.Map;

/**
 * The video chunk worker's configuration: what every worker reads (its renditions bucket, which it also
 * reads back for the assembly) and ffmpeg. The chunk's work (layout, range) comes in its message.
 */
record VideoChunkWorkerConfig(WorkerConfig worker, MediaTools tools) {

    static VideoChunkWorkerConfig from(Map<String, String> variables) {
        return new VideoChunkWorkerConfig(WorkerConfig.from(new Env(variables)), MediaTools.from(variables));
    }
}
