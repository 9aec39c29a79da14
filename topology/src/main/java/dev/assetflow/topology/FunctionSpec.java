package dev.assetflow.topology;

import java.util.List;
import java.util.Map;

/**
 * A deployable function: its handler class, Maven module, sizing (memory, timeout, /tmp when it needs
 * more than Lambda's 512 MiB default), HTTP routes and environment.
 */
public record FunctionSpec(
        String handler,
        String module,
        int memoryMb,
        int timeoutSeconds,
        Integer ephemeralStorageMb,
        List<HttpRoute> http,
        Map<String, EnvValue> environment) {

    public FunctionSpec {
        http = http == null ? List.of() : List.copyOf(http);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public record HttpRoute(String method, String path) {
        /** The API Gateway HTTP API route key, e.g. {@code GET /assets/{assetId}}. */
        public String routeKey() {
            return method + " " + path;
        }
    }
}
