package dev.assetflow.imageworker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.ImageRenderer;
import dev.assetflow.worker.WorkerService;

/** The image worker's service: the shared {@link WorkerService} with the image renderer (one ffmpeg process per picture). */
final class ImageWorkerService {

    private ImageWorkerService() {
    }

    static WorkerService wire(AwsClients clients, ImageWorkerConfig config) {
        ProcessRunner runner = new ProcessRunner();
        return WorkerService.wire("image-worker", clients, config.worker(), profiles ->
                new ImageRenditions(new MediaProbe(config.tools(), runner), new ImageRenderer(config.tools(), runner),
                        profiles, config.maxImagePixels(), config.animationLimits(),
                        new SvgRasterizer(config.maxSvgBytes(), config.maxSvgElements())));
    }
}
