package dev.assetflow.backfillfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import java.util.Map;

/**
 * Lambda entry point of a controlled backfill run on AWS, for libraries too big for a laptop: each message on the
 * backfill queue is one step of one run, and the function sends itself the next (README, "Controlled backfill").
 */
public final class BackfillHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final BackfillService service;

    /** Used by Lambda: clients built once per execution environment. */
    public BackfillHandler() {
        this(AwsClients.shared(), System.getenv());
    }

    /** Used by tests and the local stack: clients and environment handed in. */
    public BackfillHandler(AwsClients clients, Map<String, String> environment) {
        this.batch = SqsBatchProcessor.forFunction("backfill", clients, environment);
        this.service = BackfillService.wire(clients, BackfillConfig.from(environment));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, (message, deadline) -> service.handle(message));
    }
}
