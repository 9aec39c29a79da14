package dev.assetflow.imageworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.dynamodb.DynamoAssetRepository;
import dev.assetflow.aws.s3.S3ObjectStore;
import dev.assetflow.aws.sns.SnsEventPublisher;
import dev.assetflow.aws.sqs.DeadLetterParking;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.config.ConfigText;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.image.ProfileCatalog;
import dev.assetflow.domain.ports.AssetRepository;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionWorkflow;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkMessageCodec;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ProcessRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.MDC;

/** Reads a work message, finds its asset, and runs the rendition workflow with the image renderer. */
final class ImageWorkerService {
    private final AssetRepository assets;
    private final RenditionWorkflow workflow;
    private final Renderer renderer;
    private final DeadLetterParking parking;
    private final Clock clock;

    ImageWorkerService(AssetRepository assets, RenditionWorkflow workflow, Renderer renderer, DeadLetterParking parking,
            Clock clock) {
        this.assets = assets;
        this.workflow = workflow;
        this.renderer = renderer;
        this.parking = parking;
        this.clock = clock;
    }

    static ImageWorkerService wire(AwsClients clients, ImageWorkerConfig config) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable());
        ProcessRunner runner = new ProcessRunner();
        RenditionWorkflow workflow = new RenditionWorkflow("image-worker", assets, new S3ObjectStore(clients.s3()),
                new EventOutbox(assets, new SnsEventPublisher(clients.sns(), config.eventsTopicArn()), clock),
                config.renditionsBucket(), config.maxSourceBytes(), config.workDirectory(), clock);
        Renderer renderer = new ImageRenditions(new MediaProbe(config.tools(), runner),
                new ImageRenderer(config.tools(), runner), loadProfiles(config.profilesLocation()), config.maxImagePixels());
        return new ImageWorkerService(assets, workflow, renderer,
                new DeadLetterParking(clients.sqs(), config.deadLetterQueueUrls()), clock);
    }

    private static ProfileCatalog loadProfiles(String location) {
        try {
            return ProfileCatalog.parse(ConfigText.read(location));
        } catch (ConfigInvalidException e) {
            throw new IllegalStateException("profiles at " + location + " are invalid: " + e.getMessage(), e);
        }
    }

    WorkOutcome handle(SQSMessage message, Context context) {
        return switch (WorkMessageCodec.decode(message.getBody())) {
            case WorkMessageCodec.Invalid invalid -> park(message, invalid.failure());
            case WorkMessageCodec.Valid valid -> {
                WorkMessage work = valid.message();
                MDC.put("assetId", work.assetId());
                yield assets.find(new AssetId(work.assetId()))
                        .map(asset -> workflow.run(asset, work, deadline(context), renderer))
                        .orElseGet(() -> park(message, Failure.of(FailureCategory.INVALID_MESSAGE,
                                "work for asset " + work.assetId() + ", which does not exist")));
            }
        };
    }

    /** When this invocation must be done, with a margin to upload and record what was made. */
    private Instant deadline(Context context) {
        long remaining = context == null ? Duration.ofMinutes(5).toMillis() : context.getRemainingTimeInMillis();
        return clock.instant().plusMillis(remaining).minusSeconds(3);
    }

    private WorkOutcome park(SQSMessage message, Failure failure) {
        parking.park(message.getEventSourceArn(), message.getBody() == null ? "" : message.getBody(), failure);
        return new WorkOutcome.Settled(failure);
    }
}
