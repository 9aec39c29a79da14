package dev.assetflow.asseterasure;

import dev.assetflow.runtime.config.Env;
import java.util.Map;

/** The asset-erasure function's configuration, read once from its environment. */
record AssetErasureConfig(String assetsTable, String renditionsBucket, String eventsTopicArn) {

    static AssetErasureConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new AssetErasureConfig(env.required("ASSETS_TABLE"), env.required("RENDITIONS_BUCKET"), env.required("EVENTS_TOPIC_ARN"));
    }
}
