package dev.assetflow.mediaconvertsubmitter;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.deadletter.DeadLetterParking;
import dev.assetflow.aws.video.SqsTranscodeJobQueue;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.Transition;
import dev.assetflow.domain.deadletter.MessageParking;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureClass;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import java.util.function.Supplier;
import dev.assetflow.domain.video.MediaConvertJob;
import dev.assetflow.domain.video.MediaConvertNaming;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.TranscodeJobQueue;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.work.KeptRenditions;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.worker.WorkerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClientBuilder;
import software.amazon.awssdk.services.mediaconvert.model.Job;

/**
 * A video a rule sends to MediaConvert, one message at a time. The first delivery plans the layout from
 * what ingest probed, creates the job (its idempotency token makes a redelivery find the same job),
 * records it on the asset (PROCESSING) and sends the message to itself again, delayed: every later
 * delivery watches the job, and cancels it and fails the asset TRANSIENT (a redrive resubmits) once it
 * has run longer than {@code JOB_TIMEOUT_SECONDS}. The job's end comes as a state-change event to the
 * completion function, which ends the asset.
 */
final class MediaConvertSubmitterService {
    private static final Logger LOG = LoggerFactory.getLogger(MediaConvertSubmitterService.class);
    static final String WORKER = "mediaconvert-submitter";
    private static final Set<String> ENDED = Set.of("COMPLETE", "ERROR", "CANCELED");

    private final AssetRepository assets;
    private final Supplier<ProfileCatalog> profiles;
    private final MediaConvertJobs jobs;
    private final TranscodeJobQueue watch;
    private final EventOutbox outbox;
    private final MessageParking parking;
    private final MediaConvertSubmitterConfig config;
    private final Clock clock;

    MediaConvertSubmitterService(AssetRepository assets, Supplier<ProfileCatalog> profiles, MediaConvertJobs jobs, TranscodeJobQueue watch,
            EventOutbox outbox, MessageParking parking, MediaConvertSubmitterConfig config, Clock clock) {
        this.assets = assets;
        this.profiles = profiles;
        this.jobs = jobs;
        this.watch = watch;
        this.outbox = outbox;
        this.parking = parking;
        this.config = config;
        this.clock = clock;
    }

    static MediaConvertSubmitterService wire(AwsClients clients, MediaConvertSubmitterConfig config) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.worker().assetsTable());
        MediaConvertClientBuilder client = clients.configure(MediaConvertClient.builder());
        config.endpoint().ifPresent(client::endpointOverride);
        return new MediaConvertSubmitterService(assets, WorkerService.liveProfiles(WORKER, clients, config.worker()),
                new MediaConvertJobs(client.build()), new SqsTranscodeJobQueue(clients.sqs(), config.jobQueueUrls()),
                WorkerService.outbox(clients, config.worker(), assets, clock),
                new DeadLetterParking(clients.sqs(), config.worker().deadLetterQueueUrls()), config, clock);
    }

    WorkOutcome handle(ReceivedMessage message, Instant deadline) {
        return WorkerService.forAsset(message, assets, parking, this::handle);
    }

    private WorkOutcome handle(Asset asset, WorkMessage work) {
        if (asset.reopenable()) {
            // a redriven message of an asset whose job failed or timed out: a new submission
            asset = assets.reopen(asset, AssetState.QUEUED, clock.instant(), WORKER);
        }
        if (asset.state().isTerminal()) {
            outbox.announceTerminal(asset);
            return new WorkOutcome.Duplicate("asset " + asset.id() + " is already " + asset.state());
        }
        Optional<MediaConvertJob> recorded = MediaConvertJob.fromMedia(asset.media());
        if (asset.state() == AssetState.PROCESSING && recorded.map(MediaConvertJob::jobId).isPresent()) {
            return watch(asset, work, recorded.get());
        }
        if (asset.state() != AssetState.QUEUED && asset.state() != AssetState.PROCESSING) {
            return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "asset " + asset.id() + " is " + asset.state()));
        }
        // QUEUED after a reopen still names the job that failed: the next submission gets a new token
        int submission = recorded.map(job -> job.jobId() == null ? job.submission() : job.submission() + 1).orElse(1);
        try {
            return submit(asset, work, submission);
        } catch (FailureException e) {
            if (e.failure().category().failureClass() == FailureClass.TRANSIENT) {
                throw e;
            }
            // a layout we cannot plan, or a job MediaConvert refuses: retrying the same request changes nothing
            Asset failed = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), WORKER, "")
                    .withFailure(e.failure())).asset();
            outbox.announceTerminal(failed);
            return new WorkOutcome.Settled(e.failure());
        }
    }

    private WorkOutcome submit(Asset asset, WorkMessage work, int submission) {
        VideoLayout layout = layout(asset, work);
        String queue = config.mediaConvertQueues().get(work.route().queue().label());
        if (queue == null) {
            throw new FailureException(Failure.of(FailureCategory.CONFIGURATION, "this stack has no MediaConvert queue for "
                    + work.route().queue().label() + " (MEDIACONVERT_QUEUES)"));
        }
        String jobId = jobs.create(JobRequests.create(asset.id().value(),
                MediaConvertNaming.s3Uri(asset.source().bucket(), asset.source().key()), layout,
                new JobRequests.Target(config.roleArn(), queue, config.worker().renditionsBucket()), submission));
        MediaConvertJob job = new MediaConvertJob(jobId, queue, submission, clock.instant(), "SUBMITTED", 0);
        if (!assets.replaceMedia(asset.id(), asset.media(), job.into(asset.media()))) {
            // a concurrent event changed the record; the token gives the same job when this message comes back
            return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "the job record of asset " + asset.id()
                    + " changed while job " + jobId + " was recorded"));
        }
        if (asset.state() == AssetState.QUEUED) {
            assets.transition(asset, Transition.to(AssetState.PROCESSING, clock.instant(), WORKER, "MediaConvert job " + jobId
                    + " on the " + work.route().queue().label() + " queue (submission " + submission + ")"));
        }
        watch.send(work, config.watchEvery());
        return new WorkOutcome.Done("asset " + asset.id() + ": MediaConvert job " + jobId + " created (submission " + submission + ")");
    }

    /**
     * The plan the ffmpeg paths make, from the probe ingest recorded: the same rungs, never above the source; keeping
     * what an earlier profile version's job made the same way (a reprocess), which the job then leaves out.
     */
    private VideoLayout layout(Asset asset, WorkMessage work) {
        VideoLayout planned = plan(asset, work);
        return planned.keeping(KeptRenditions.matching(assets.renditions(asset.id()), planned.profile(), planned.profileVersion(),
                planned.renditionsByMediaConvert()).keySet());
    }

    private VideoLayout plan(Asset asset, WorkMessage work) {
        VideoProfile profile = profiles.get().video(work.route().profile()).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no video profile named '" + work.route().profile() + "'")));
        SourceVideo source = SourceVideo.fromMedia(asset.media()).orElseThrow(() -> new FailureException(Failure.of(
                FailureCategory.CORRUPT_MEDIA, "ingest's probe recorded no picture size or duration: the file is truncated or corrupt")));
        return VideoLayout.of(profile, source);
    }

    private WorkOutcome watch(Asset asset, WorkMessage work, MediaConvertJob recorded) {
        Job job = jobs.get(recorded.jobId());
        String status = job.statusAsString();
        Duration running = recorded.submittedAt() == null ? Duration.ZERO : Duration.between(recorded.submittedAt(), clock.instant());
        if (running.compareTo(config.jobTimeout()) <= 0) {
            watch.send(work, config.watchEvery());
            return new WorkOutcome.Done("asset " + asset.id() + ": MediaConvert job " + recorded.jobId() + " is " + status
                    + (ENDED.contains(status) ? "; its state-change event ends the asset" : ""));
        }
        if (!ENDED.contains(status)) {
            jobs.cancel(recorded.jobId());
        }
        Failure failure = Failure.of(FailureCategory.TRANSIENT, "MediaConvert job " + recorded.jobId() + " did not end the asset within "
                + config.jobTimeout().toSeconds() + " s (JOB_TIMEOUT_SECONDS; it was " + status
                + (ENDED.contains(status) ? ", and its state-change event never arrived" : ", and was cancelled") + ")");
        LOG.warn("asset {}: {}", asset.id(), failure.reason());
        Asset failed = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), WORKER, "").withFailure(failure)).asset();
        outbox.announceTerminal(failed);
        return new WorkOutcome.Settled(failure);
    }
}
