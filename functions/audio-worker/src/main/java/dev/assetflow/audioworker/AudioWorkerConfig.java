package dev.assetflow.audioworker;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import dev.assetflow.media.MediaTools;
import java.util.Map;

/** The audio worker's configuration: what every worker reads, the longest audio it takes, and ffmpeg. */
record AudioWorkerConfig(WorkerConfig worker, double maxDurationSeconds, MediaTools tools) {

    static AudioWorkerConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new AudioWorkerConfig(WorkerConfig.from(env), env.longValue("MAX_AUDIO_SECONDS", 4 * 3600), MediaTools.from(variables));
    }
}
