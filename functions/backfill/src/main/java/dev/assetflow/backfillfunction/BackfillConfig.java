package dev.assetflow.backfillfunction;

import dev.assetflow.runtime.config.Env;
import java.util.Map;

/** The backfill function's configuration, read once from its environment. */
record BackfillConfig(String backfillsTable, String assetsTable, String ingestQueueUrl, String backfillQueueUrl,
        Map<String, String> deadLetterQueueUrls) {

    static BackfillConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new BackfillConfig(env.required("BACKFILLS_TABLE"), env.required("ASSETS_TABLE"), env.required("INGEST_QUEUE_URL"),
                env.required("BACKFILL_QUEUE_URL"), env.jsonMap("DEAD_LETTER_QUEUE_URLS"));
    }
}
