package dev.assetflow.localstack.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * A function as the host runs it: its topology sizing, its environment, its unpacked artifact (the
 * task root) and the log it writes to, as a log group collects a function's output on AWS.
 */
record Deployment(String name, String handler, int memoryMb, int timeoutSeconds, int ephemeralStorageMb, String region,
        Map<String, String> environment, Path taskRoot, Path log, ManagedRuntime runtime) {
    /** Lambda's /tmp when a function does not ask for more. */
    static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;

    Deployment {
        environment = Map.copyOf(environment);
    }
}
