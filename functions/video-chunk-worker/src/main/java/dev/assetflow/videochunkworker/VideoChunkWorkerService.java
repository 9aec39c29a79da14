package dev.assetflow.videochunkworker;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.aws.video.DynamoChunkLedger;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.Transition;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureClass;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.video.ChunkLedger;
import dev.assetflow.domain.video.ChunkResult;
import dev.assetflow.domain.video.ChunkWork;
import dev.assetflow.domain.video.ChunkWorkCodec;
import dev.assetflow.domain.work.JobWorkspace;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.RenditionWorkflow;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.media.ChunkRenderer;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.StillFrames;
import dev.assetflow.media.VideoRenderer;
import dev.assetflow.worker.TempDirectoryWorkspace;
import dev.assetflow.worker.WorkerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One part of a segmented video per message: unless the ledger already counts it, encode it (a chunk of
 * every rung, or the audio), upload it, and count it with one conditional write; the part that completes
 * the set runs the assembly in the rendition workflow, which ends the asset as the one-invocation path
 * does. Bad input in a part fails the asset with the part's time range; a transient failure retries the
 * part alone. A shadow copy's parts (README, "Shadow pipeline") never look at or change the asset's state: bad
 * input records the shadow as failed, and the assembly records the shadow run.
 */
final class VideoChunkWorkerService {
    private static final Logger LOG = LoggerFactory.getLogger(VideoChunkWorkerService.class);
    static final String WORKER = "video-chunk-worker";
    /** Kept free at the end of an invocation to upload and count what was made. */
    private static final Duration END_MARGIN = Duration.ofSeconds(5);

    private final AssetRepository assets;
    private final ChunkLedger ledger;
    private final ChunkEncoder encoder;
    private final SegmentAssembly.Factory assembly;
    private final RenditionWorkflow workflow;
    private final EventOutbox outbox;
    private final JobWorkspace workspace;
    private final MessageParking parking;
    private final Clock clock;

    VideoChunkWorkerService(AssetRepository assets, ChunkLedger ledger, ChunkEncoder encoder, SegmentAssembly.Factory assembly,
            RenditionWorkflow workflow, EventOutbox outbox, JobWorkspace workspace, MessageParking parking, Clock clock) {
        this.assets = assets;
        this.ledger = ledger;
        this.encoder = encoder;
        this.assembly = assembly;
        this.workflow = workflow;
        this.outbox = outbox;
        this.workspace = workspace;
        this.parking = parking;
        this.clock = clock;
    }

    static VideoChunkWorkerService wire(AwsClients clients, VideoChunkWorkerConfig config) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.worker().assetsTable());
        ChunkLedger ledger = new DynamoChunkLedger(clients.dynamoDb(), config.worker().assetsTable());
        ObjectStore store = new S3ObjectStore(clients.s3(), clients::presigner);
        ProcessRunner runner = new ProcessRunner();
        String bucket = config.worker().renditionsBucket();
        return new VideoChunkWorkerService(assets, ledger, new ChunkEncoder(store, new ChunkRenderer(config.tools(), runner), bucket),
                new SegmentAssembly.Factory(ledger, store, new VideoRenderer(config.tools(), runner),
                        new StillFrames(config.tools(), runner), bucket),
                WorkerService.workflow(WORKER, clients, config.worker(), assets, clock),
                WorkerService.outbox(clients, config.worker(), assets, clock),
                new TempDirectoryWorkspace(config.worker().workDirectory()),
                new DeadLetterParking(clients.sqs(), config.worker().deadLetterQueueUrls()), clock);
    }

    WorkOutcome handle(ReceivedMessage message, Instant invocationDeadline) {
        return switch (ChunkWorkCodec.decode(message.body())) {
            case ChunkWorkCodec.Invalid invalid -> parking.park(message, invalid.failure());
            case ChunkWorkCodec.Valid valid -> {
                ChunkWork part = valid.message();
                MDC.put("assetId", part.assetId());
                yield assets.find(new AssetId(part.assetId()))
                        .map(asset -> handle(asset, part, invocationDeadline.minus(END_MARGIN)))
                        .orElseGet(() -> parking.park(message, Failure.of(FailureCategory.INVALID_MESSAGE,
                                "a chunk of asset " + part.assetId() + ", which does not exist")));
            }
        };
    }

    private WorkOutcome handle(Asset asset, ChunkWork part, Instant deadline) {
        if (part.work().forShadow()) {
            return encode(asset, part, deadline);
        }
        Optional<WorkOutcome> superseded = part.work().supersededBy(asset);
        if (superseded.isPresent()) {
            return superseded.get();
        }
        if (asset.reopenable()) {
            // a redriven part of an asset that triage failed: the asset is worked on again
            asset = assets.reopen(asset, AssetState.QUEUED, clock.instant(), WORKER);
        }
        if (asset.state() == AssetState.QUEUED) {
            asset = assets.transition(asset, Transition.to(AssetState.PROCESSING, clock.instant(), WORKER,
                    "segmented: parts resumed")).asset();
            superseded = part.work().supersededBy(asset); // a priority change came between the read and the start
            if (superseded.isPresent()) {
                return superseded.get();
            }
        }
        if (asset.state().isTerminal()) {
            return new WorkOutcome.Duplicate("asset " + asset.id() + " is already " + asset.state() + "; part "
                    + part.part().index() + " dropped");
        }
        if (asset.state() != AssetState.PROCESSING) {
            return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "asset " + asset.id() + " is " + asset.state()));
        }
        return encode(asset, part, deadline);
    }

    /** Encodes the part unless counted, counts it, and assembles when it is the last. */
    private WorkOutcome encode(Asset asset, ChunkWork part, Instant deadline) {
        String profile = part.layout().profile();
        int version = part.layout().profileVersion();
        ChunkLedger.Count count;
        Set<Integer> counted = ledger.counted(asset.id(), profile, version);
        if (counted.contains(part.part().index())) {
            LOG.info("asset {}: part {} was counted before; not encoded again", asset.id(), part.part().index());
            count = new ChunkLedger.Count.AlreadyCounted(counted.size(), part.totalParts());
        } else {
            try (JobWorkspace.Job job = workspace.open()) {
                ChunkResult result = encoder.encode(asset, part, job, deadline);
                count = ledger.recordDone(asset.id(), profile, version, part.totalParts(), result);
            } catch (FailureException e) {
                if (e.failure().category().failureClass() == FailureClass.PERMANENT_INPUT && part.work().forShadow()) {
                    return workflow.shadowFailed(asset, part.work(), e.failure());
                }
                if (e.failure().category().failureClass() == FailureClass.PERMANENT_INPUT) {
                    Asset failed = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), WORKER, "")
                            .withFailure(e.failure())).asset();
                    outbox.announceTerminal(failed);
                    return new WorkOutcome.Settled(e.failure());
                }
                throw e;
            }
        }
        return switch (count) {
            case ChunkLedger.Count.Counted now -> new WorkOutcome.Done("part " + part.part().index() + " of asset " + asset.id()
                    + " done: " + now.done() + " of " + now.total());
            case ChunkLedger.Count.AlreadyCounted again when again.done() < again.total() -> new WorkOutcome.Duplicate("part "
                    + part.part().index() + " of asset " + asset.id() + " was counted before");
            case ChunkLedger.Count.AlreadyCounted again -> assemble(asset, part, deadline);
            case ChunkLedger.Count.Completed completed -> assemble(asset, part, deadline);
        };
    }

    /** Every part is in: playlists, master, MP4 fallback, poster, storyboard, checkpoints, events, READY (idempotent). */
    private WorkOutcome assemble(Asset asset, ChunkWork part, Instant deadline) {
        if (!ledger.claimAssembly(asset.id(), part.layout().profile(), part.layout().profileVersion(), deadline.plus(END_MARGIN),
                clock.instant())) {
            return new WorkOutcome.Duplicate("asset " + asset.id() + " is being assembled by another invocation");
        }
        LOG.info("asset {}: all {} parts done; assembling", asset.id(), part.totalParts());
        Asset current = assets.find(asset.id()).orElse(asset);
        return workflow.run(current, part.work(), deadline, assembly.of(part));
    }
}
