package dev.assetflow.ingest;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.cost.CostEstimate;
import dev.assetflow.domain.cost.CostEstimator;
import dev.assetflow.domain.profile.ProfileCatalog;
import java.util.function.Supplier;
import dev.assetflow.domain.routing.RoutingDecision;
import dev.assetflow.domain.video.EncodeEstimate;
import dev.assetflow.domain.video.MediaConvertJob;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.video.VideoProfile;
import java.util.Optional;

/**
 * The cost estimate of a routed asset, on the engine its rule chose, before any encode: a video from the
 * layout its worker will plan (the same profile, from the probe ingest just made); images, audio and
 * documents as a bound on their worker's invocation. Empty when the plan cannot be made here (no such
 * profile, no picture size): the worker then fails the asset with the reason, and no cap applies.
 */
final class AssetCost {
    private final CostEstimator estimator;
    private final Supplier<ProfileCatalog> profiles;

    AssetCost(CostEstimator estimator, Supplier<ProfileCatalog> profiles) {
        this.estimator = estimator;
        this.profiles = profiles;
    }

    Optional<CostEstimate> of(Asset asset, RoutingDecision.ToWorkQueue route) {
        return switch (asset.kind()) {
            case VIDEO -> video(asset, route);
            case IMAGE -> Optional.of(estimator.atMost("image-worker"));
            case AUDIO -> Optional.of(estimator.atMost("audio-worker"));
            case DOCUMENT -> Optional.of(estimator.atMost("document-worker"));
            default -> Optional.empty();
        };
    }

    private Optional<CostEstimate> video(Asset asset, RoutingDecision.ToWorkQueue route) {
        Optional<VideoLayout> layout = profiles.get().video(route.profile()).flatMap(profile ->
                SourceVideo.fromMedia(asset.media()).map(source -> VideoLayout.of(profile, source)));
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        if (MediaConvertJob.ENGINE.equals(route.transcoder())) {
            return Optional.of(estimator.mediaConvert(layout.get()));
        }
        VideoProfile profile = profiles.get().video(route.profile()).orElseThrow();
        EncodeEstimate encode = EncodeEstimate.of(layout.get().ladder(), layout.get().source(), profile);
        String worker = "ffmpeg-segmented".equals(route.transcoder()) ? "video-chunk-worker" : "video-worker";
        return Optional.of(estimator.ffmpeg(route.transcoder() == null ? "ffmpeg" : route.transcoder(), worker, encode));
    }
}
