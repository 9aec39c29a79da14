package dev.assetflow.aws.backfill;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.backfill.BackfillIntroducer;
import dev.assetflow.domain.backfill.BackfillMessage;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link BackfillIntroducer} on the ingest queue: what an S3 notification would have been, as a backfill message. */
public final class SqsBackfillIntroducer implements BackfillIntroducer {
    private final SqsClient sqs;
    private final String ingestQueueUrl;

    public SqsBackfillIntroducer(SqsClient sqs, String ingestQueueUrl) {
        this.sqs = sqs;
        this.ingestQueueUrl = ingestQueueUrl;
    }

    @Override
    public void introduce(String runId, SourceObject object) {
        try {
            sqs.sendMessage(b -> b.queueUrl(ingestQueueUrl).messageBody(BackfillMessage.encode(runId, object))
                    .messageAttributes(Map.of("backfill", SqsQueues.text(runId))));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "SendMessage backfill of s3://" + object.bucket() + "/" + object.key());
        }
    }
}
