package dev.assetflow.mediaconvertcompletion;

import dev.assetflow.domain.asset.Priority;
import dev.assetflow.media.MediaTools;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The completion function's configuration: what every worker reads, ffmpeg (to tile the storyboard), the
 * stack's MediaConvert queues (an event from another queue is not this stack's job), the MediaConvert work
 * queues (to resubmit) and how many submissions a video gets before a service error fails it
 * ({@code MAX_SUBMISSIONS}).
 */
record MediaConvertCompletionConfig(WorkerConfig worker, MediaTools tools, Set<String> ownQueues, Map<Priority, String> jobQueueUrls,
        int maxSubmissions) {

    static MediaConvertCompletionConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new MediaConvertCompletionConfig(WorkerConfig.from(env), MediaTools.from(variables),
                new HashSet<>(env.jsonMap("MEDIACONVERT_QUEUES").values()), WorkerConfig.queueUrlsByPriority(env, "JOB_QUEUE_URL"), (int) env.longValue("MAX_SUBMISSIONS", 3));
    }
}
