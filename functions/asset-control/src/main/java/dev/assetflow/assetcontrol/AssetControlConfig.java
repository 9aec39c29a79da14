package dev.assetflow.assetcontrol;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.runtime.config.LiveConfigs;
import java.util.Map;

/** The asset-control function's configuration, read once from its environment. */
record AssetControlConfig(String assetsTable, Map<String, String> workQueueUrls, String profilesLocation, LiveConfigs.Settings configs) {

    static AssetControlConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new AssetControlConfig(env.required("ASSETS_TABLE"), env.jsonMap("WORK_QUEUES"),
                env.optional("PROFILES", "classpath:/profiles.json"), LiveConfigs.Settings.from(env));
    }
}
