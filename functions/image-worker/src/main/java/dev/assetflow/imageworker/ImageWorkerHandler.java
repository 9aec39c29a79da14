package dev.assetflow.imageworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import dev.assetflow.worker.WorkerService;
import java.util.Map;

/** Lambda entry point of the image worker: work messages from the image work queues. */
public final class ImageWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final WorkerService service;

    /** Used by Lambda: clients built once per execution environment. */
    public ImageWorkerHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public ImageWorkerHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction("image-worker", clients, environment);
        this.service = ImageWorkerService.wire(clients, ImageWorkerConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, service::handle);
    }
}
