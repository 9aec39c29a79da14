package dev.assetflow.ingest;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.runtime.config.LiveConfigs;
import dev.assetflow.media.MediaTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The ingest function's configuration, read once from its environment. */
record IngestConfig(
        String assetsTable,
        String idempotencyTable,
        Map<String, String> workQueueUrls,
        String reviewQueueUrl,
        Map<String, String> deadLetterQueueUrls,
        String eventsTopicArn,
        String routingRulesLocation,
        String profilesLocation,
        String pricesLocation,
        LiveConfigs.Settings configs,
        Duration idempotencyInProgressExpiry,
        Duration idempotencyTtl,
        MediaTools tools,
        Path workDirectory) {

    static IngestConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new IngestConfig(
                env.required("ASSETS_TABLE"),
                env.required("IDEMPOTENCY_TABLE"),
                env.jsonMap("WORK_QUEUES"),
                env.required("REVIEW_QUEUE_URL"),
                env.jsonMap("DEAD_LETTER_QUEUE_URLS"),
                env.required("EVENTS_TOPIC_ARN"),
                env.optional("ROUTING_RULES", "classpath:/routing-rules.json"),
                env.optional("PROFILES", "classpath:/profiles.json"),
                env.optional("PRICES", "classpath:/prices.json"),
                LiveConfigs.Settings.from(env),
                // at least the function timeout, so a live claim is never taken over
                env.seconds("IDEMPOTENCY_IN_PROGRESS_SECONDS", 60),
                env.seconds("IDEMPOTENCY_TTL_SECONDS", 7 * 24 * 3600),
                MediaTools.from(variables),
                Path.of(env.optional("WORK_DIRECTORY", System.getProperty("java.io.tmpdir"))));
    }
}
