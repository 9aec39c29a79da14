package dev.assetflow.assetcontrol;

import dev.assetflow.runtime.config.Env;
import java.util.Map;

/** The asset-control function's configuration, read once from its environment. */
record AssetControlConfig(String assetsTable, Map<String, String> workQueueUrls) {

    static AssetControlConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new AssetControlConfig(env.required("ASSETS_TABLE"), env.jsonMap("WORK_QUEUES"));
    }
}
