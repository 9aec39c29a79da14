package dev.assetflow.topology;

import java.util.List;
import java.util.Map;

/**
 * A deployable function: its handler class, Maven module, sizing (memory, timeout, /tmp when it needs
 * more than Lambda's 512 MiB default), HTTP routes, an optional schedule and environment.
 */
public record FunctionSpec(
        String handler,
        String module,
        int memoryMb,
        int timeoutSeconds,
        Integer ephemeralStorageMb,
        List<HttpRoute> http,
        Schedule schedule,
        Map<String, EnvValue> environment) {

    public FunctionSpec {
        http = http == null ? List.of() : List.copyOf(http);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /**
     * Invoked every {@code rateMinutes} with a scheduled event (on AWS an EventBridge schedule rule,
     * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-rule-schedule.html).
     */
    public record Schedule(int rateMinutes) {
        public Schedule {
            if (rateMinutes < 1) {
                throw new IllegalArgumentException("a schedule runs at most once a minute, was every " + rateMinutes);
            }
        }
    }

    public record HttpRoute(String method, String path) {
        /** The API Gateway HTTP API route key, e.g. {@code GET /assets/{assetId}}. */
        public String routeKey() {
            return method + " " + path;
        }
    }
}
