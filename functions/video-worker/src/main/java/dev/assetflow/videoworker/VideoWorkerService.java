package dev.assetflow.videoworker;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.aws.video.DynamoChunkLedger;
import dev.assetflow.aws.video.SqsChunkDispatcher;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.VideoRenderer;
import dev.assetflow.worker.WorkerService;

/**
 * The video worker's service: the shared {@link WorkerService} with the video renderer, which makes a
 * video in this invocation (one decode for every rung) or fans it out in chunks, as its estimate decides.
 */
final class VideoWorkerService {

    private VideoWorkerService() {
    }

    static WorkerService wire(AwsClients clients, VideoWorkerConfig config) {
        ProcessRunner runner = new ProcessRunner();
        SegmentedFanOut fanOut = new SegmentedFanOut(new DynamoAssetRepository(clients.dynamoDb(), config.worker().assetsTable()),
                new DynamoChunkLedger(clients.dynamoDb(), config.worker().assetsTable()),
                new SqsChunkDispatcher(clients.sqs(), config.chunkQueueUrls()));
        return WorkerService.wire("video-worker", clients, config.worker(), profiles -> new VideoRenditions(
                new VideoPlanner(new MediaProbe(config.tools(), runner), profiles, config.limits()),
                new VideoRenderer(config.tools(), runner), profiles, new S3ObjectStore(clients.s3(), clients::presigner), fanOut,
                config.worker().workDirectory()));
    }
}
