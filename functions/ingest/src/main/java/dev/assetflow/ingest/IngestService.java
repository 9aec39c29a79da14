package dev.assetflow.ingest;

import dev.assetflow.domain.cost.CostEstimator;
import dev.assetflow.domain.cost.PriceTable;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.topology.TopologyLoader;
import java.util.HashMap;
import java.util.Map;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.idempotency.DynamoIdempotencyStore;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.aws.events.SnsEventPublisher;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.aws.work.SqsWorkDispatcher;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.classify.Classifier;
import dev.assetflow.domain.classify.TypeDetector;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.runtime.config.LiveConfig;
import dev.assetflow.runtime.config.LiveConfigs;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.idempotency.Idempotency;
import dev.assetflow.domain.idempotency.IdempotencyException;
import dev.assetflow.domain.idempotency.IdempotencyKey;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.classify.MediaInspector;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.work.WorkDispatcher;
import dev.assetflow.domain.routing.RoutingRulesParser;
import dev.assetflow.domain.upload.UploadPolicy;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ProcessRunner;
import java.time.Clock;
import java.util.Optional;
import dev.assetflow.domain.asset.Priority;
import org.slf4j.MDC;

/**
 * Turns one ingest-queue message into asset records and work: S3 test events are acknowledged,
 * unreadable messages are parked in the dead-letter queue with their reason, and every created
 * object is ingested at most once in effect (idempotency key: bucket + key + ETag or version id).
 */
final class IngestService {
    private final Idempotency idempotency;
    private final AssetIngestion ingestion;
    private final MessageParking parking;

    IngestService(Idempotency idempotency, AssetIngestion ingestion, MessageParking parking) {
        this.idempotency = idempotency;
        this.ingestion = ingestion;
        this.parking = parking;
    }

    static IngestService wire(AwsClients clients, IngestConfig config) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable());
        ObjectStore store = new S3ObjectStore(clients.s3(), clients::presigner);
        MediaInspector inspector = new FfprobeInspector(store, new MediaProbe(config.tools(), new ProcessRunner()),
                config.workDirectory());
        WorkDispatcher dispatcher = new SqsWorkDispatcher(clients.sqs(), config.workQueueUrls(), config.reviewQueueUrl());
        EventOutbox outbox = new EventOutbox(assets, new SnsEventPublisher(clients.sns(), config.eventsTopicArn()), clock);
        LiveConfigs configs = new LiveConfigs(clients, "ingest", config.configs());
        LiveConfig<ProfileCatalog> profiles = configs.open("profiles", config.profilesLocation(), ProfileCatalog::parse);
        AssetIngestion ingestion = new AssetIngestion(assets, store, new Classifier(new TypeDetector()), inspector,
                configs.open("routing-rules", config.routingRulesLocation(), RoutingRulesParser::parse), dispatcher, outbox,
                cost(config, profiles), clock);
        Idempotency idempotency = new Idempotency(new DynamoIdempotencyStore(clients.dynamoDb(), config.idempotencyTable()),
                clock, config.idempotencyInProgressExpiry(), config.idempotencyTtl());
        return new IngestService(idempotency, ingestion, new DeadLetterParking(clients.sqs(), config.deadLetterQueueUrls()));
    }

    /** The estimator, with the price table and the workers' sizes as the bundled topology deploys them. */
    private static AssetCost cost(IngestConfig config, LiveConfig<ProfileCatalog> profiles) {
        Map<String, CostEstimator.WorkerSize> workers = new HashMap<>();
        TopologyLoader.load().functions().forEach((name, spec) ->
                workers.put(name, new CostEstimator.WorkerSize(spec.memoryMb(), spec.timeoutSeconds())));
        try {
            return new AssetCost(new CostEstimator(PriceTable.parse(ConfigText.read(config.pricesLocation())), workers), profiles);
        } catch (ConfigInvalidException e) {
            throw new IllegalStateException("prices at " + config.pricesLocation() + " are invalid: " + e.getMessage(), e);
        }
    }

    WorkOutcome handle(ReceivedMessage message) {
        return switch (S3Notification.parse(message.body())) {
            case S3Notification.TestEvent ignored -> new WorkOutcome.Done("s3:TestEvent acknowledged");
            case S3Notification.Unreadable unreadable -> parking.park(message, unreadable.failure());
            case S3Notification.ObjectsCreated created -> ingestAll(message, created);
            case S3Notification.Backfilled backfilled -> ingestOne(message, backfilled.object(), Optional.of(Priority.BULK));
        };
    }

    private WorkOutcome ingestAll(ReceivedMessage message, S3Notification.ObjectsCreated created) {
        WorkOutcome last = new WorkOutcome.Done("no ObjectCreated records (" + created.ignoredRecords() + " ignored)");
        for (SourceObject source : created.objects()) {
            WorkOutcome outcome = ingestOne(message, source, Optional.empty());
            if (outcome instanceof WorkOutcome.Retry) {
                return outcome; // the objects already ingested are no-ops on the retry
            }
            last = outcome;
        }
        return last;
    }

    /** @param priority a class every rule's route is held to (a backfill's bulk), or empty: the rule decides */
    private WorkOutcome ingestOne(ReceivedMessage message, SourceObject source, Optional<Priority> priority) {
        AssetId assetId = assetIdFor(source);
        MDC.put("assetId", assetId.value());
        IdempotencyKey key = IdempotencyKey.forUpload(source.bucket(), source.key(), source.etag(), source.versionId());
        try {
            Idempotency.Outcome outcome = idempotency.execute(key,
                    IdempotencyKey.sha256(source.identity() + "#size=" + source.sizeBytes()),
                    () -> ingestion.ingest(assetId, source, priority));
            return outcome.duplicate()
                    ? new WorkOutcome.Duplicate("s3://" + source.bucket() + "/" + source.key() + " already ingested: " + outcome.result())
                    : new WorkOutcome.Done(outcome.result());
        } catch (IdempotencyException e) {
            Failure failure = Failure.of(e.retryable() ? FailureCategory.TRANSIENT : FailureCategory.INVALID_MESSAGE, e.getMessage());
            return e.retryable() ? new WorkOutcome.Retry(failure) : parking.park(message, failure);
        }
    }

    static AssetId assetIdFor(SourceObject source) {
        return UploadPolicy.assetIdFor(source);
    }
}
