package dev.assetflow.domain.asset;

/**
 * Where routing sent an asset, by which rule of which config version: its priority class ({@code queue}),
 * the transcoder a rule asked for (null: ffmpeg in Lambda), and the work queue it was sent to
 * ({@code workQueue}; null for review and for records made before it was recorded).
 */
public record RouteInfo(Priority queue, String rule, String profile, String transcoder, int configVersion, String workQueue) {

    public RouteInfo(Priority queue, String rule, String profile, String transcoder, int configVersion) {
        this(queue, rule, profile, transcoder, configVersion, null);
    }

    /** The engine that makes the renditions: {@code ffmpeg} (in Lambda) unless a rule named another. */
    public String engine() {
        return transcoder == null ? "ffmpeg" : transcoder;
    }

    public RouteInfo inWorkQueue(String name) {
        return new RouteInfo(queue, rule, profile, transcoder, configVersion, name);
    }
}
