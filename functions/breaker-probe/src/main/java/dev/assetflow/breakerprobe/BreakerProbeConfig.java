package dev.assetflow.breakerprobe;

import dev.assetflow.runtime.config.Env;
import java.util.List;
import java.util.Map;

/** The environment of breaker-probe: the breakers table and the steps whose circuits it watches. */
record BreakerProbeConfig(String breakersTable, List<String> steps) {

    static BreakerProbeConfig from(Map<String, String> environment) {
        Env env = new Env(environment);
        return new BreakerProbeConfig(env.required("BREAKERS_TABLE"), List.of(env.required("BREAKER_STEPS").split(",")));
    }
}
