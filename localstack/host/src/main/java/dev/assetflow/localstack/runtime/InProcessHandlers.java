package dev.assetflow.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.assetflow.audioworker.AudioWorkerHandler;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.assetcontrol.AssetControlHandler;
import dev.assetflow.asseterasure.AssetErasureHandler;
import dev.assetflow.opsapi.OpsApiHandler;
import dev.assetflow.webhookdelivery.WebhookDeliveryHandler;
import dev.assetflow.backfillfunction.BackfillHandler;
import dev.assetflow.breakerprobe.BreakerProbeHandler;
import dev.assetflow.documentworker.DocumentWorkerHandler;
import dev.assetflow.dlqtriage.DlqTriageHandler;
import dev.assetflow.imageworker.ImageWorkerHandler;
import dev.assetflow.ingest.IngestHandler;
import dev.assetflow.uploadapi.UploadApiHandler;
import dev.assetflow.videochunkworker.VideoChunkWorkerHandler;
import dev.assetflow.mediaconvertcompletion.MediaConvertCompletionHandler;
import dev.assetflow.mediaconvertsubmitter.MediaConvertSubmitterHandler;
import dev.assetflow.videoworker.VideoWorkerHandler;
import java.util.Map;

/**
 * How the in-process mode builds each function's handler: the constructor that takes the clients and
 * the environment (the one Lambda's no-argument constructor delegates to) and the event type it
 * handles, named here so the compiler checks both. A handler of the topology missing from this table
 * fails the host's unit test.
 */
public final class InProcessHandlers {

    /** Builds one execution environment's handler. */
    @FunctionalInterface
    public interface Factory<I> {
        RequestHandler<I, ?> create(AwsClients clients, Map<String, String> environment);
    }

    /** A handler's event type and constructor. */
    public record Entry<I>(Class<I> eventType, Factory<I> factory) {}

    private static final Map<String, Entry<?>> BY_HANDLER = Map.ofEntries(
            Map.entry(UploadApiHandler.class.getName(), new Entry<>(APIGatewayV2HTTPEvent.class, UploadApiHandler::new)),
            Map.entry(IngestHandler.class.getName(), new Entry<>(SQSEvent.class, IngestHandler::new)),
            Map.entry(ImageWorkerHandler.class.getName(), new Entry<>(SQSEvent.class, ImageWorkerHandler::new)),
            Map.entry(VideoWorkerHandler.class.getName(), new Entry<>(SQSEvent.class, VideoWorkerHandler::new)),
            Map.entry(VideoChunkWorkerHandler.class.getName(), new Entry<>(SQSEvent.class, VideoChunkWorkerHandler::new)),
            Map.entry(MediaConvertSubmitterHandler.class.getName(), new Entry<>(SQSEvent.class, MediaConvertSubmitterHandler::new)),
            Map.entry(MediaConvertCompletionHandler.class.getName(), new Entry<>(SQSEvent.class, MediaConvertCompletionHandler::new)),
            Map.entry(AudioWorkerHandler.class.getName(), new Entry<>(SQSEvent.class, AudioWorkerHandler::new)),
            Map.entry(DocumentWorkerHandler.class.getName(), new Entry<>(SQSEvent.class, DocumentWorkerHandler::new)),
            Map.entry(DlqTriageHandler.class.getName(), new Entry<>(ScheduledEvent.class, DlqTriageHandler::new)),
            Map.entry(BreakerProbeHandler.class.getName(), new Entry<>(ScheduledEvent.class, BreakerProbeHandler::new)),
            Map.entry(AssetControlHandler.class.getName(), new Entry<>(APIGatewayV2HTTPEvent.class, AssetControlHandler::new)),
            Map.entry(AssetErasureHandler.class.getName(), new Entry<>(APIGatewayV2HTTPEvent.class, AssetErasureHandler::new)),
            Map.entry(OpsApiHandler.class.getName(), new Entry<>(APIGatewayV2HTTPEvent.class, OpsApiHandler::new)),
            Map.entry(BackfillHandler.class.getName(), new Entry<>(SQSEvent.class, BackfillHandler::new)),
            Map.entry(WebhookDeliveryHandler.class.getName(), new Entry<>(SQSEvent.class, WebhookDeliveryHandler::new)));

    private InProcessHandlers() {
    }

    /** @param handlerClass the topology's {@code handler} */
    public static Entry<?> of(String handlerClass) {
        Entry<?> entry = BY_HANDLER.get(handlerClass);
        if (entry == null) {
            throw new IllegalStateException("no in-process factory for handler " + handlerClass
                    + ": add its event type and (AwsClients, Map) constructor to InProcessHandlers");
        }
        return entry;
    }
}
