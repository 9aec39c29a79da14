package dev.assetflow.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import java.util.Map;

/** Lambda entry point of ingest: S3 object-created notifications, delivered through the ingest queue. */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final IngestService service;

    /** Used by Lambda: clients built once per execution environment. */
    public IngestHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public IngestHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction("ingest", clients, environment);
        this.service = IngestService.wire(clients, IngestConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, (message, deadline) -> service.handle(message));
    }
}
