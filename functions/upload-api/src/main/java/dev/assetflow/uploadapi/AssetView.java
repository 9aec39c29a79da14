package dev.assetflow.uploadapi;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.HistoryEntry;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Instant;
import dev.assetflow.domain.video.ChunkLedger;
import dev.assetflow.domain.video.ChunkResult;
import java.util.function.Function;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code GET /assets/{assetId}} answers: the asset as a client app or an operator wants to read it. */
record AssetView(
        String assetId,
        String state,
        String kind,
        String declaredType,
        String detectedType,
        Map<String, Object> media,
        Original original,
        Route route,
        Map<String, Object> transcode,
        FailureView failure,
        List<RenditionView> renditions,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant updatedAt) {

    record Original(String bucket, String key, long sizeBytes) {}

    /**
     * {@code priority} is the class a rule chose, {@code queue} the work queue the asset was sent to
     * (where it waits while QUEUED), {@code engine} what makes its renditions (ffmpeg or mediaconvert).
     */
    /** {@code generation}: how many priority changes have moved its work (README, "Priority changes"). */
    record Route(String priority, String queue, String engine, String rule, String profile, int configVersion, int generation) {}

    record FailureView(String category, String reason) {}

    record RenditionView(String name, String profile, int profileVersion, String state, String contentType,
            long bytes, Integer width, Integer height, String location) {}

    /**
     * How a video's renditions are made: what the video worker recorded ({@code engine}, {@code estimateCpuSeconds},
     * {@code budgetCpuSeconds}, {@code chunks}, {@code reason}) and, on the segmented path, how many parts (chunks
     * and the audio) are done, and which ({@code parts}: index and encode time). Every chunk encodes every rung it makes (not those a
     * reprocess keeps), so each rung is as far as {@code partsDone}. A video made in one invocation lists what it plans
     * ({@code planned}, recorded by the video worker as it starts): {@code progress} names each as DONE or PENDING.
     */
    static Map<String, Object> transcode(Asset asset, List<Rendition> renditions, List<ChunkLedger.Progress> progress,
            Function<ChunkLedger.Progress, List<ChunkResult>> partsOf) {
        if (!(asset.media().get("transcode") instanceof Map<?, ?> recorded)) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        recorded.forEach((key, value) -> view.put(String.valueOf(key), value));
        if (view.remove("planned") instanceof List<?> planned && view.remove("plannedVersion") instanceof Number version) {
            Set<String> done = renditions.stream()
                    .filter(r -> r.profileVersion() == version.intValue() && r.state() == RenditionState.DONE
                            && asset.route() != null && r.profile().equals(asset.route().profile()))
                    .map(Rendition::name).collect(Collectors.toSet());
            view.put("progress", planned.stream().map(String::valueOf)
                    .map(name -> Map.of("rendition", name, "state", done.contains(name) ? "DONE" : "PENDING")).toList());
        }
        progress.stream()
                .filter(p -> asset.route() != null && p.profile().equals(asset.route().profile()))
                .max(Comparator.comparingInt(ChunkLedger.Progress::profileVersion))
                .ifPresent(p -> {
                    view.put("partsDone", p.done());
                    view.put("partsTotal", p.total());
                    // each part done so far: the chunks by index, the audio as the part after the last chunk
                    view.put("parts", partsOf.apply(p).stream().map(r -> Map.of("index", r.chunkIndex(), "encodeMillis",
                            r.encodeMillis())).toList());
                });
        return view;
    }

    static AssetView of(Asset asset, List<Rendition> renditions, List<ChunkLedger.Progress> progress,
            Function<ChunkLedger.Progress, List<ChunkResult>> partsOf) {
        return new AssetView(
                asset.id().value(),
                asset.state().name(),
                asset.kind() == null ? null : asset.kind().label(),
                asset.declaredType(),
                asset.detectedType(),
                asset.media().isEmpty() ? null : asset.media(),
                new Original(asset.source().bucket(), asset.source().key(), asset.source().sizeBytes()),
                asset.route() == null ? null : new Route(asset.route().queue().label(), asset.route().workQueue(),
                        asset.route().engine(), asset.route().rule(), asset.route().profile(), asset.route().configVersion(),
                        asset.route().generation()),
                transcode(asset, renditions, progress, partsOf),
                asset.failure() == null ? null
                        : new FailureView(asset.failure().category().name(), asset.failure().reason()),
                renditions.stream()
                        .sorted(Comparator.comparing(Rendition::profile).thenComparing(Rendition::bytes))
                        .map(r -> new RenditionView(r.name(), r.profile(), r.profileVersion(), r.state().name(),
                                r.contentType(), r.bytes(), r.width(), r.height(), "s3://" + r.bucket() + "/" + r.key()))
                        .toList(),
                asset.history(),
                asset.createdAt(),
                asset.updatedAt());
    }
}
