package dev.assetflow.dlqtriage;

import dev.assetflow.runtime.config.Env;
import java.time.Duration;
import java.util.Map;

/**
 * The environment of dlq-triage: every dead-letter queue of the topology (source queue name → DLQ
 * URL), the tables it records in and the topic it announces failed assets on.
 */
record DlqTriageConfig(Map<String, String> deadLetterQueueUrls, String assetsTable, String failuresTable,
        String eventsTopicArn, Duration hideFor) {

    static DlqTriageConfig from(Map<String, String> environment) {
        Env env = new Env(environment);
        return new DlqTriageConfig(env.jsonMap("DEAD_LETTER_QUEUE_URLS"), env.required("ASSETS_TABLE"),
                env.required("FAILURES_TABLE"), env.required("EVENTS_TOPIC_ARN"),
                // how long a message stays hidden if a sweep dies while triaging it (it is released right after)
                env.seconds("DEAD_LETTER_HIDE_SECONDS", 30));
    }
}
