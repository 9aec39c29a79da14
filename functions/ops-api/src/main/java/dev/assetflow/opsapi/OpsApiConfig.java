package dev.assetflow.opsapi;

import dev.assetflow.aws.config.SsmConfigParameters;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.runtime.config.Env;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ops-api function's configuration, read once from its environment. */
record OpsApiConfig(String assetsTable, String failuresTable, String breakersTable, List<String> breakerSteps,
        Map<String, String> deadLetterQueueUrls, Map<String, String> sourceQueueUrls, Map<ConfigDocument, String> parameterNames) {

    static OpsApiConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        // the queues whose depth the console shows and to which a dead letter may be sent back: the work queues and ingest
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("ingest", env.required("INGEST_QUEUE_URL"));
        sources.putAll(env.jsonMap("WORK_QUEUES"));
        return new OpsApiConfig(env.required("ASSETS_TABLE"), env.required("FAILURES_TABLE"), env.required("BREAKERS_TABLE"),
                List.of(env.required("BREAKER_STEPS").split(",")), env.jsonMap("DEAD_LETTER_QUEUE_URLS"), sources,
                Map.of(ConfigDocument.ROUTING_RULES, SsmConfigParameters.nameIn(env.required("ROUTING_RULES")),
                        ConfigDocument.PROFILES, SsmConfigParameters.nameIn(env.required("PROFILES"))));
    }
}
