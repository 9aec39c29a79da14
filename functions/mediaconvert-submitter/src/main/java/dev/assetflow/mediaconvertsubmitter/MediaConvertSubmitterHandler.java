package dev.assetflow.mediaconvertsubmitter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import java.util.Map;

/** Lambda entry point of the MediaConvert submitter: video a rule sends to MediaConvert, from its work queues. */
public final class MediaConvertSubmitterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final MediaConvertSubmitterService service;

    /** Used by Lambda: clients built once per execution environment. */
    public MediaConvertSubmitterHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public MediaConvertSubmitterHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction(MediaConvertSubmitterService.WORKER, clients, environment);
        this.service = MediaConvertSubmitterService.wire(clients, MediaConvertSubmitterConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, service::handle);
    }
}
