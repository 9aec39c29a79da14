package dev.assetflow.videoworker;

import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.video.EnginePlan.WorkerBudget;
import dev.assetflow.media.MediaTools;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.TopologyLoader;
import dev.assetflow.worker.WorkerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The video worker's configuration: what every worker reads, the video limits, the budgets the engine
 * choice weighs the estimate against (the size and timeout of this function and of the chunk worker, as
 * the bundled topology deployed them), the chunk queues by priority class, and ffmpeg.
 */
record VideoWorkerConfig(WorkerConfig worker, Limits limits, Map<Priority, String> chunkQueueUrls, MediaTools tools) {

    /**
     * @param maxDurationSeconds  longest video accepted, on either path ({@code MAX_VIDEO_SECONDS}, 4 hours)
     * @param maxDownloadBytes    largest original one invocation downloads; a bigger one goes segmented
     * @param chunkCpuSeconds     target encode cost of one chunk ({@code CHUNK_CPU_SECONDS}); by default half the chunk worker's budget
     */
    record Limits(double maxDurationSeconds, long maxPixels, long maxDownloadBytes, WorkerBudget oneInvocationBudget,
            WorkerBudget chunkBudget, Optional<Double> chunkCpuSeconds) {}

    static VideoWorkerConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        WorkerConfig worker = WorkerConfig.from(env);
        // the share of a budget kept for encoding; the rest is start-up, download, upload and a margin for a slow host
        double share = env.doubleValue("ENCODE_BUDGET_SHARE", 0.5);
        Limits limits = new Limits(env.longValue("MAX_VIDEO_SECONDS", 4 * 3600), env.longValue("MAX_VIDEO_PIXELS", 4096L * 2304),
                worker.maxSourceBytes(), budget("video-worker", share), budget("video-chunk-worker", share),
                Optional.ofNullable(env.optional("CHUNK_CPU_SECONDS", null)).map(v -> env.doubleValue("CHUNK_CPU_SECONDS", 0)));
        return new VideoWorkerConfig(worker, limits, WorkerConfig.queueUrlsByPriority(env, "CHUNK_QUEUE_URL"), MediaTools.from(variables));
    }

    private static WorkerBudget budget(String function, double share) {
        FunctionSpec spec = TopologyLoader.load().function(function);
        return WorkerBudget.ofLambda(Duration.ofSeconds(spec.timeoutSeconds()), spec.memoryMb(), share);
    }
}
