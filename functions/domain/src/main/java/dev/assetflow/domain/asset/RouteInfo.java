package dev.assetflow.domain.asset;

/**
 * Where routing sent an asset, by which rule of which config version: its priority class ({@code queue}),
 * the transcoder a rule asked for (null: ffmpeg in Lambda), and the work queue it was sent to
 * ({@code workQueue}; null for review and for records made before it was recorded). {@code generation}
 * counts the priority changes that moved its work: a work message carries the route it was sent with, and
 * one of an older generation is superseded (its work was sent again to another class's queue).
 * {@code shadowProfile}: the rule shadows this asset, and a copy of its work runs with that profile.
 */
public record RouteInfo(Priority queue, String rule, String profile, String transcoder, int configVersion, String workQueue,
        int generation, String shadowProfile) {

    public RouteInfo(Priority queue, String rule, String profile, String transcoder, int configVersion, String workQueue) {
        this(queue, rule, profile, transcoder, configVersion, workQueue, 0, null);
    }

    public RouteInfo(Priority queue, String rule, String profile, String transcoder, int configVersion) {
        this(queue, rule, profile, transcoder, configVersion, null, 0, null);
    }

    /** The same route in another priority class: its work, sent again, is the next generation. */
    public RouteInfo inPriority(Priority priority, String newWorkQueue) {
        return new RouteInfo(priority, rule, profile, transcoder, configVersion, newWorkQueue, generation + 1, shadowProfile);
    }

    /** The same route recorded in another priority class, its running work left where it is (same generation). */
    public RouteInfo relabelled(Priority priority) {
        return new RouteInfo(priority, rule, profile, transcoder, configVersion, workQueue, generation, shadowProfile);
    }

    /** The route with its rule's shadow: a copy of the work is made with {@code shadow} too. */
    public RouteInfo withShadow(String shadow) {
        return new RouteInfo(queue, rule, profile, transcoder, configVersion, workQueue, generation, shadow);
    }

    /**
     * The route of the shadow copy: the shadow profile, in the bulk class (it never delays real work), made by ffmpeg
     * (it compares profiles, not engines): the ffmpeg engine the rule forced, else in one invocation or in chunks as
     * the estimate says, a long video too. A rule naming MediaConvert gets its shadow from ffmpeg.
     */
    public RouteInfo shadowCopy() {
        String ffmpeg = transcoder != null && transcoder.startsWith("ffmpeg") ? transcoder : null;
        return new RouteInfo(Priority.BULK, rule, shadowProfile, ffmpeg, configVersion, null, generation, null);
    }

    /** Whether work sent with {@code sent} has been superseded by a priority change that sent it again. */
    public boolean supersedes(RouteInfo sent) {
        return sent != null && sent.generation() < generation;
    }

    /** The engine that makes the renditions: {@code ffmpeg} (in Lambda) unless a rule named another. */
    public String engine() {
        return transcoder == null ? "ffmpeg" : transcoder;
    }

    public RouteInfo inWorkQueue(String name) {
        return new RouteInfo(queue, rule, profile, transcoder, configVersion, name, generation, shadowProfile);
    }
}
