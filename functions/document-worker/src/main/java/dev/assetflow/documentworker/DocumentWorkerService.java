package dev.assetflow.documentworker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.worker.WorkerService;

/** The document worker's service: the shared {@link WorkerService} with the PDFBox renderer. */
final class DocumentWorkerService {

    private DocumentWorkerService() {
    }

    static WorkerService wire(AwsClients clients, DocumentWorkerConfig config) {
        return WorkerService.wire("document-worker", clients, config.worker(), DocumentRenditions::new);
    }
}
