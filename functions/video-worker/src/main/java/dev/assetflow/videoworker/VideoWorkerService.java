package dev.assetflow.videoworker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.VideoRenderer;
import dev.assetflow.worker.WorkerService;

/** The video worker's service: the shared {@link WorkerService} with the video ladder renderer (one decode for every rung). */
final class VideoWorkerService {

    private VideoWorkerService() {
    }

    static WorkerService wire(AwsClients clients, VideoWorkerConfig config) {
        ProcessRunner runner = new ProcessRunner();
        return WorkerService.wire("video-worker", clients, config.worker(), profiles ->
                new VideoRenditions(new MediaProbe(config.tools(), runner), new VideoRenderer(config.tools(), runner),
                        profiles, config.maxDurationSeconds(), config.maxPixels()));
    }
}
