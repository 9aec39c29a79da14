package dev.assetflow.worker;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.runtime.config.LiveConfigs;
import dev.assetflow.domain.asset.Priority;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** What every worker function reads from its environment; kind-specific limits are read by the worker itself. */
public record WorkerConfig(
        String renditionsBucket,
        String assetsTable,
        String eventsTopicArn,
        Map<String, String> deadLetterQueueUrls,
        String profilesLocation,
        LiveConfigs.Settings configs,
        long maxSourceBytes,
        Path workDirectory) {

    public static WorkerConfig from(Env env) {
        return new WorkerConfig(
                env.required("RENDITIONS_BUCKET"),
                env.required("ASSETS_TABLE"),
                env.required("EVENTS_TOPIC_ARN"),
                env.jsonMap("DEAD_LETTER_QUEUE_URLS"),
                env.optional("PROFILES", "classpath:/profiles.json"),
                LiveConfigs.Settings.from(env),
                env.longValue("MAX_SOURCE_BYTES", 200L * 1024 * 1024),
                Path.of(env.optional("WORK_DIRECTORY", System.getProperty("java.io.tmpdir"))));
    }

    /**
     * One queue URL per work priority class, from {@code CRITICAL_<suffix>}, {@code STANDARD_<suffix>} and
     * {@code BULK_<suffix>} (e.g. {@code CHUNK_QUEUE_URL}, {@code JOB_QUEUE_URL}).
     */
    public static Map<Priority, String> queueUrlsByPriority(Env env, String suffix) {
        Map<Priority, String> urls = new EnumMap<>(Priority.class);
        for (Priority priority : new Priority[] {Priority.CRITICAL, Priority.STANDARD, Priority.BULK}) {
            urls.put(priority, env.required(priority.name() + "_" + suffix));
        }
        return urls;
    }
}
