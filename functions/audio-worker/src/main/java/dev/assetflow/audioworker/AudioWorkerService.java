package dev.assetflow.audioworker;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.AudioRenderer;
import dev.assetflow.worker.WorkerService;

/** The audio worker's service: the shared {@link WorkerService} with the audio renderer (AAC and waveform from one decode). */
final class AudioWorkerService {

    private AudioWorkerService() {
    }

    static WorkerService wire(AwsClients clients, AudioWorkerConfig config) {
        ProcessRunner runner = new ProcessRunner();
        return WorkerService.wire("audio-worker", clients, config.worker(), profiles ->
                new AudioRenditions(new MediaProbe(config.tools(), runner), new AudioRenderer(config.tools(), runner),
                        profiles, config.maxDurationSeconds()));
    }
}
