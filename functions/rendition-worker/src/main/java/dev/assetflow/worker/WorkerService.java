package dev.assetflow.worker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.shadow.DynamoShadowLedger;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.aws.events.SnsEventPublisher;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionWorkflow;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkMessageCodec;
import dev.assetflow.domain.work.WorkOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.assetflow.runtime.config.LiveConfig;
import dev.assetflow.runtime.config.LiveConfigs;
import org.slf4j.MDC;

/**
 * The part every worker function shares: read a work message (a malformed one, or one for an asset
 * that does not exist, is parked in the DLQ with its reason), find its asset, and run the rendition
 * workflow with this worker's {@link Renderer} before the invocation's deadline.
 */
public final class WorkerService {
    /** Kept free at the end of an invocation to upload and record what was made. */
    private static final Duration END_MARGIN = Duration.ofSeconds(3);

    private final AssetRepository assets;
    private final RenditionWorkflow workflow;
    private final Supplier<Renderer> renderer;
    private final MessageParking parking;
    private final Clock clock;

    public WorkerService(AssetRepository assets, RenditionWorkflow workflow, Supplier<Renderer> renderer, MessageParking parking, Clock clock) {
        this.assets = assets;
        this.workflow = workflow;
        this.renderer = renderer;
        this.parking = parking;
        this.clock = clock;
    }

    /**
     * @param worker   the worker's name, recorded in the asset's history
     * @param renderer builds this worker's renderer from the validated profile catalog (again when a new version of
     *                 the profiles is published)
     */
    public static WorkerService wire(String worker, AwsClients clients, WorkerConfig config,
            Function<ProfileCatalog, Renderer> renderer) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable());
        return new WorkerService(assets, workflow(worker, clients, config, assets, clock),
                liveProfiles(worker, clients, config).map(renderer),
                new DeadLetterParking(clients.sqs(), config.deadLetterQueueUrls()), clock);
    }

    /** The rendition workflow of a worker, on S3, SNS and a temp directory: also what a segmented video's assembly runs in. */
    public static RenditionWorkflow workflow(String worker, AwsClients clients, WorkerConfig config, AssetRepository assets, Clock clock) {
        return new RenditionWorkflow(worker, assets, new S3ObjectStore(clients.s3(), clients::presigner), outbox(clients, config, assets, clock),
                config.renditionsBucket(), config.maxSourceBytes(), new TempDirectoryWorkspace(config.workDirectory()),
                new DynamoShadowLedger(clients.dynamoDb(), config.assetsTable()), clock);
    }

    public static EventOutbox outbox(AwsClients clients, WorkerConfig config, AssetRepository assets, Clock clock) {
        return new EventOutbox(assets, new SnsEventPublisher(clients.sns(), config.eventsTopicArn()), clock);
    }

    /** The profiles as they are published now (re-read within CONFIG_MAX_AGE_SECONDS): {@link LiveConfigs}. */
    public static LiveConfig<ProfileCatalog> liveProfiles(String worker, AwsClients clients, WorkerConfig config) {
        return new LiveConfigs(clients, worker, config.configs()).open("profiles", config.profilesLocation(), ProfileCatalog::parse);
    }

    /** A fixed profile catalog (tests, and the requests kept for review). */
    public static ProfileCatalog loadProfiles(String location) {
        try {
            return ProfileCatalog.parse(ConfigText.read(location));
        } catch (ConfigInvalidException e) {
            throw new IllegalStateException("profiles at " + location + " are invalid: " + e.getMessage(), e);
        }
    }

    public WorkOutcome handle(ReceivedMessage message, Instant invocationDeadline) {
        return forAsset(message, assets, parking,
                (asset, work) -> workflow.run(asset, work, invocationDeadline.minus(END_MARGIN), renderer.get()));
    }

    /**
     * Reads a work message and finds its asset, then does {@code work} with both; a malformed message, or
     * one for an asset that does not exist, is parked in the DLQ with its reason. What every consumer of a
     * work queue does first (the workers, the MediaConvert submitter).
     */
    public static WorkOutcome forAsset(ReceivedMessage message, AssetRepository assets, MessageParking parking,
            BiFunction<Asset, WorkMessage, WorkOutcome> work) {
        return switch (WorkMessageCodec.decode(message.body())) {
            case WorkMessageCodec.Invalid invalid -> parking.park(message, invalid.failure());
            case WorkMessageCodec.Valid valid -> {
                WorkMessage decoded = valid.message();
                MDC.put("assetId", decoded.assetId());
                yield assets.find(new AssetId(decoded.assetId())).map(asset -> decoded.supersededBy(asset)
                                .orElseGet(() -> work.apply(asset, decoded)))
                        .orElseGet(() -> parking.park(message, Failure.of(FailureCategory.INVALID_MESSAGE,
                                "work for asset " + decoded.assetId() + ", which does not exist")));
            }
        };
    }

}
