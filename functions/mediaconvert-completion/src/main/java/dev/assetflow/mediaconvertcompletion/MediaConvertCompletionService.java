package dev.assetflow.mediaconvertcompletion;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.aws.video.SqsTranscodeJobQueue;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.Transition;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.runtime.config.LiveConfig;
import java.util.function.Predicate;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.video.MediaConvertJob;
import dev.assetflow.domain.video.MediaConvertNaming;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.TranscodeJobQueue;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.RenditionWorkflow;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.StillFrames;
import dev.assetflow.worker.WorkerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One job state change per message. Only the asset's current job counts: an event of a job this stack
 * did not create, or of an earlier submission, is ignored (logged and counted as a duplicate); so is
 * anything for an asset already at its end, which makes duplicate and late events harmless. Progress is
 * recorded; COMPLETE runs the outputs through the rendition workflow; ERROR fails the asset with the
 * category of its code, or resubmits a service-side error up to {@code MAX_SUBMISSIONS}; CANCELED fails it.
 */
final class MediaConvertCompletionService {
    private static final Logger LOG = LoggerFactory.getLogger(MediaConvertCompletionService.class);
    static final String WORKER = "mediaconvert-completion";
    private static final Duration END_MARGIN = Duration.ofSeconds(3);

    private final AssetRepository assets;
    private final LiveConfig<ProfileCatalog> profiles;
    private final RenditionWorkflow workflow;
    private final EventOutbox outbox;
    private final TranscodeJobQueue resubmissions;
    private final ObjectStore store;
    private final StillFrames stills;
    private final MessageParking parking;
    private final MediaConvertCompletionConfig config;
    private final Clock clock;

    MediaConvertCompletionService(AssetRepository assets, LiveConfig<ProfileCatalog> profiles, RenditionWorkflow workflow, EventOutbox outbox,
            TranscodeJobQueue resubmissions, ObjectStore store, StillFrames stills, MessageParking parking,
            MediaConvertCompletionConfig config, Clock clock) {
        this.assets = assets;
        this.profiles = profiles;
        this.workflow = workflow;
        this.outbox = outbox;
        this.resubmissions = resubmissions;
        this.store = store;
        this.stills = stills;
        this.parking = parking;
        this.config = config;
        this.clock = clock;
    }

    static MediaConvertCompletionService wire(AwsClients clients, MediaConvertCompletionConfig config) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.worker().assetsTable());
        return new MediaConvertCompletionService(assets, WorkerService.liveProfiles(WORKER, clients, config.worker()),
                WorkerService.workflow(WORKER, clients, config.worker(), assets, clock), WorkerService.outbox(clients, config.worker(), assets, clock),
                new SqsTranscodeJobQueue(clients.sqs(), config.jobQueueUrls()), new S3ObjectStore(clients.s3(), clients::presigner),
                new StillFrames(config.tools(), new ProcessRunner()),
                new DeadLetterParking(clients.sqs(), config.worker().deadLetterQueueUrls()), config, clock);
    }

    WorkOutcome handle(ReceivedMessage message, Instant deadline) {
        JobStateChange change = JobStateChange.parse(message.body());
        JobStateChange.JobRef job = switch (change) {
            case JobStateChange.Unreadable unreadable -> null;
            case JobStateChange.Progress progress -> progress.job();
            case JobStateChange.Complete complete -> complete.job();
            case JobStateChange.Error error -> error.job();
            case JobStateChange.Canceled canceled -> canceled.job();
        };
        if (job == null) {
            return parking.park(message, Failure.of(FailureCategory.INVALID_MESSAGE, ((JobStateChange.Unreadable) change).reason()));
        }
        if (!config.ownQueues().contains(job.queue()) || job.assetId().isEmpty()) {
            LOG.info("MediaConvert job {} on queue {} is not this stack's: ignored", job.jobId(), job.queue());
            return new WorkOutcome.Duplicate("job " + job.jobId() + " is not this stack's (queue " + job.queue() + ")");
        }
        MDC.put("assetId", job.assetId().get());
        Optional<Asset> found = assets.find(new AssetId(job.assetId().get()));
        Optional<MediaConvertJob> current = found.flatMap(asset -> MediaConvertJob.fromMedia(asset.media()));
        if (found.isEmpty() || current.isEmpty() || !job.jobId().equals(current.get().jobId())) {
            return new WorkOutcome.Duplicate("job " + job.jobId() + " is not the current job of asset " + job.assetId().get()
                    + current.map(c -> " (that is " + c.jobId() + ")").orElse(""));
        }
        Asset asset = found.get();
        if (asset.state().isTerminal()) {
            outbox.announceTerminal(asset);
            return new WorkOutcome.Duplicate("asset " + asset.id() + " is already " + asset.state() + "; " + job.jobId() + " event ignored");
        }
        return switch (change) {
            case JobStateChange.Progress progress -> progress(asset, current.get(), progress);
            case JobStateChange.Complete complete -> workflow.run(asset, WorkMessage.of(asset, null, clock.instant()),
                    deadline.minus(END_MARGIN), new JobOutputs(asset.id().value(), layout(asset, job), complete, store, stills,
                            config.worker().renditionsBucket()));
            case JobStateChange.Error error -> error(asset, current.get(), error);
            case JobStateChange.Canceled canceled -> fail(asset, Failure.of(FailureCategory.CONFIGURATION, "MediaConvert job "
                    + job.jobId() + " was cancelled outside the pipeline"));
            case JobStateChange.Unreadable unreadable -> throw new IllegalStateException("handled above");
        };
    }

    private WorkOutcome progress(Asset asset, MediaConvertJob current, JobStateChange.Progress progress) {
        MediaConvertJob updated = current.withProgress(progress.status(), progress.percentComplete());
        if (!updated.equals(current) && !assets.replaceMedia(asset.id(), asset.media(), updated.into(asset.media()))) {
            // the job's error or end was recorded meanwhile by a concurrent event; this progress is stale
            return new WorkOutcome.Duplicate("asset " + asset.id() + ": " + progress.status() + " of job " + current.jobId()
                    + " arrived after its record changed; not recorded");
        }
        return new WorkOutcome.Done("asset " + asset.id() + ": job " + current.jobId() + " " + progress.status() + " "
                + updated.percentComplete() + " %");
    }

    private WorkOutcome error(Asset asset, MediaConvertJob current, JobStateChange.Error error) {
        FailureCategory category = ErrorCodes.category(error.errorCode());
        String reason = "MediaConvert job " + current.jobId() + " failed with error " + error.errorCode() + ": " + error.errorMessage();
        if (category == FailureCategory.TRANSIENT && current.submission() < config.maxSubmissions()) {
            MediaConvertJob next = current.resubmitted();
            if (!assets.replaceMedia(asset.id(), asset.media(), next.into(asset.media()))) {
                // a concurrent event (the job's progress) changed the record: decide again on what it is now
                return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "the job record of asset " + asset.id()
                        + " changed while its error was handled"));
            }
            resubmissions.send(WorkMessage.of(asset, reason, clock.instant()), Duration.ZERO);
            LOG.warn("asset {}: {}; submission {} of {} follows", asset.id(), reason, next.submission(), config.maxSubmissions());
            return new WorkOutcome.Done("asset " + asset.id() + " resubmitted after " + reason);
        }
        return fail(asset, Failure.of(category, category == FailureCategory.TRANSIENT
                ? reason + " (after " + current.submission() + " submissions, MAX_SUBMISSIONS)" : reason));
    }

    private WorkOutcome fail(Asset asset, Failure failure) {
        Asset failed = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), WORKER, "").withFailure(failure)).asset();
        outbox.announceTerminal(failed);
        return new WorkOutcome.Settled(failure);
    }

    /**
     * The layout the submitter planned: the same profile version (from the parameter's history when a newer one was
     * published while the job ran), from the same probe.
     */
    private VideoLayout layout(Asset asset, JobStateChange.JobRef job) {
        String name = job.userMetadata().getOrDefault(MediaConvertNaming.PROFILE, "");
        String version = job.userMetadata().get(MediaConvertNaming.PROFILE_VERSION);
        Predicate<VideoProfile> planned = p -> Integer.toString(p.version()).equals(version);
        VideoProfile profile = profiles.newestWhere(catalog -> catalog.video(name).filter(planned).isPresent())
                .flatMap(catalog -> catalog.video(name))
                .orElseThrow(() -> new FailureException(Failure.of(FailureCategory.CONFIGURATION, "job " + job.jobId() + " made profile "
                        + name + " v" + version + ", which this deployment does not have")));
        SourceVideo source = SourceVideo.fromMedia(asset.media()).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.INTERNAL, "asset " + asset.id() + " has no probe to plan its layout from")));
        return VideoLayout.of(profile, source);
    }
}
