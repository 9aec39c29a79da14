package dev.assetflow.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.assetflow.audioworker.AudioWorkerHandler;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.breakerprobe.BreakerProbeHandler;
import dev.assetflow.documentworker.DocumentWorkerHandler;
import dev.assetflow.dlqtriage.DlqTriageHandler;
import dev.assetflow.imageworker.ImageWorkerHandler;
import dev.assetflow.ingest.IngestHandler;
import dev.assetflow.uploadapi.UploadApiHandler;
import dev.assetflow.videoworker.VideoWorkerHandler;
import java.util.Map;

/**
 * How the in-process mode builds each function's handler: the constructor that takes the clients and
 * the environment (the one Lambda's no-argument constructor delegates to), named here so the compiler
 * checks it. A handler of the topology missing from this table fails the host's unit test.
 */
public final class InProcessHandlers {

    /** Builds one execution environment's handler. */
    @FunctionalInterface
    public interface Factory {
        RequestHandler<?, ?> create(AwsClients clients, Map<String, String> environment);
    }

    private static final Map<String, Factory> BY_HANDLER = Map.of(
            UploadApiHandler.class.getName(), UploadApiHandler::new,
            IngestHandler.class.getName(), IngestHandler::new,
            ImageWorkerHandler.class.getName(), ImageWorkerHandler::new,
            VideoWorkerHandler.class.getName(), VideoWorkerHandler::new,
            AudioWorkerHandler.class.getName(), AudioWorkerHandler::new,
            DocumentWorkerHandler.class.getName(), DocumentWorkerHandler::new,
            DlqTriageHandler.class.getName(), DlqTriageHandler::new,
            BreakerProbeHandler.class.getName(), BreakerProbeHandler::new);

    private InProcessHandlers() {
    }

    /** @param handlerClass the topology's {@code handler} */
    public static Factory of(String handlerClass) {
        Factory factory = BY_HANDLER.get(handlerClass);
        if (factory == null) {
            throw new IllegalStateException("no in-process factory for handler " + handlerClass
                    + ": add its (AwsClients, Map) constructor to InProcessHandlers");
        }
        return factory;
    }
}
