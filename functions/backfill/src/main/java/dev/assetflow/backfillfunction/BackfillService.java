package dev.assetflow.backfillfunction;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.backfill.DynamoBackfillCheckpoints;
import dev.assetflow.aws.backfill.S3ObjectListing;
import dev.assetflow.aws.backfill.SqsBackfillIntroducer;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.domain.backfill.Backfill;
import dev.assetflow.domain.backfill.BackfillStepMessage;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.runtime.retry.Sleep;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One step of a backfill run per message; while the run advances, the next step is sent to the backfill queue,
 * delayed by what the step asks (SQS delays up to 900 s:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html). A pause or a
 * stop halts the chain at the next step; {@code scripts/backfill resume --remote} starts it again.
 */
final class BackfillService {
    private final Backfill backfill;
    private final SqsClient sqs;
    private final String backfillQueueUrl;
    private final MessageParking parking;

    BackfillService(Backfill backfill, SqsClient sqs, String backfillQueueUrl, MessageParking parking) {
        this.backfill = backfill;
        this.sqs = sqs;
        this.backfillQueueUrl = backfillQueueUrl;
        this.parking = parking;
    }

    static BackfillService wire(AwsClients clients, BackfillConfig config) {
        Backfill backfill = new Backfill(new DynamoBackfillCheckpoints(clients.dynamoDb(), config.backfillsTable()),
                new S3ObjectListing(clients.s3()), new SqsBackfillIntroducer(clients.sqs(), config.ingestQueueUrl()),
                new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable()), Sleep::of, Clock.systemUTC());
        return new BackfillService(backfill, clients.sqs(), config.backfillQueueUrl(),
                new DeadLetterParking(clients.sqs(), config.deadLetterQueueUrls()));
    }

    WorkOutcome handle(ReceivedMessage message) {
        Optional<String> runId = BackfillStepMessage.runId(message.body());
        if (runId.isEmpty()) {
            return parking.park(message, Failure.of(FailureCategory.INVALID_MESSAGE, "not a backfill step message: " + message.body()));
        }
        return switch (backfill.step(runId.get())) {
            case Backfill.Step.Halted halted -> new WorkOutcome.Done("backfill " + runId.get() + " is " + halted.run().state());
            case Backfill.Step.Advanced advanced -> {
                next(runId.get(), advanced.after());
                yield new WorkOutcome.Done(advanced.what());
            }
        };
    }

    private void next(String runId, Duration after) {
        try {
            sqs.sendMessage(b -> b.queueUrl(backfillQueueUrl).messageBody(BackfillStepMessage.encode(runId))
                    .delaySeconds((int) Math.min(900, after.toSeconds())));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "SendMessage next step of backfill " + runId);
        }
    }
}
