package dev.assetflow.videochunkworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import java.util.Map;

/** Lambda entry point of the video chunk worker: the parts of segmented videos, from the chunk queues. */
public final class VideoChunkWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final VideoChunkWorkerService service;

    /** Used by Lambda: clients built once per execution environment. */
    public VideoChunkWorkerHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public VideoChunkWorkerHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction("video-chunk-worker", clients, environment);
        this.service = VideoChunkWorkerService.wire(clients, VideoChunkWorkerConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, service::handle);
    }
}
