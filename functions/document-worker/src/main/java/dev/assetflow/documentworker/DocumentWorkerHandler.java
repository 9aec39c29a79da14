package dev.assetflow.documentworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import dev.assetflow.worker.WorkerService;
import java.util.Map;

/** Lambda entry point of the document worker: work messages from the document work queue. */
public final class DocumentWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // PDFBox renders with Java2D; there is no display on Lambda
        System.setProperty("java.awt.headless", "true");
    }

    private final SqsBatchProcessor batch;
    private final WorkerService service;

    /** Used by Lambda: clients built once per execution environment. */
    public DocumentWorkerHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public DocumentWorkerHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction("document-worker", clients, environment);
        this.service = DocumentWorkerService.wire(clients, DocumentWorkerConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, service::handle);
    }
}
