package dev.assetflow.documentworker;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.worker.WorkerConfig;
import java.util.Map;

/** The document worker's configuration: what every worker reads (PDFBox needs no tool paths). */
record DocumentWorkerConfig(WorkerConfig worker) {

    static DocumentWorkerConfig from(Map<String, String> variables) {
        return new DocumentWorkerConfig(WorkerConfig.from(new Env(variables)));
    }
}
