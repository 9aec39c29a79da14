package dev.assetflow.mediaconvertcompletion;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import java.util.Map;

/** Lambda entry point of the MediaConvert completion: job state changes, from EventBridge through their queue. */
public final class MediaConvertCompletionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final MediaConvertCompletionService service;

    /** Used by Lambda: clients built once per execution environment. */
    public MediaConvertCompletionHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public MediaConvertCompletionHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction(MediaConvertCompletionService.WORKER, clients, environment);
        this.service = MediaConvertCompletionService.wire(clients, MediaConvertCompletionConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, service::handle);
    }
}
