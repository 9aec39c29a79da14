package dev.assetflow.mediaconvertsubmitter;

import dev.assetflow.domain.asset.Priority;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The submitter's configuration: what every worker reads (the renditions bucket is only named: MediaConvert
 * writes it, as the role), the role jobs assume, the stack's MediaConvert queue per priority, its own work
 * queues (to watch a job), how long a job may take before it is cancelled ({@code JOB_TIMEOUT_SECONDS}) and
 * how often it is looked at ({@code WATCH_SECONDS}, at most 900). {@code AWS_ENDPOINT_URL_MEDIACONVERT}
 * points the client elsewhere than MediaConvert's regional endpoint, the SDK's own name for it
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html); the local stack's stand-in.
 */
record MediaConvertSubmitterConfig(WorkerConfig worker, String roleArn, Map<String, String> mediaConvertQueues,
        Map<Priority, String> jobQueueUrls, Duration jobTimeout, Duration watchEvery, Optional<URI> endpoint) {

    static MediaConvertSubmitterConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new MediaConvertSubmitterConfig(WorkerConfig.from(env), env.required("MEDIACONVERT_ROLE_ARN"),
                env.jsonMap("MEDIACONVERT_QUEUES"), WorkerConfig.queueUrlsByPriority(env, "JOB_QUEUE_URL"), env.seconds("JOB_TIMEOUT_SECONDS", 7200),
                env.seconds("WATCH_SECONDS", 900), endpoint(env));
    }

    static Optional<URI> endpoint(Env env) {
        return Optional.of(env.optional("AWS_ENDPOINT_URL_MEDIACONVERT", "")).filter(url -> !url.isBlank()).map(URI::create);
    }
}
