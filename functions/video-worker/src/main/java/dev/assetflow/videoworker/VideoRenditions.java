package dev.assetflow.videoworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.video.EnginePlan;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.VideoRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Video: the {@link VideoLayout} (an ABR ladder as HLS fMP4 variants sharing one audio rendition, a
 * master playlist, a progressive MP4 fallback, a poster and a thumbnail sprite with its WebVTT
 * storyboard). Before the original is downloaded, a probe over a presigned URL decides the engine: a
 * video whose estimate exceeds one invocation's budget is handed to {@link SegmentedFanOut}; the rest is
 * made here by one ffmpeg process (every rung, the audio, the poster and the sprite from one decode).
 */
public final class VideoRenditions implements Renderer {
    /** How long the presigned URL the probe reads lives. */
    private static final Duration PROBE_URL_LIFETIME = Duration.ofMinutes(15);

    private final VideoPlanner planner;
    private final VideoRenderer renderer;
    private final ProfileCatalog profiles;
    private final ObjectStore store;
    private final SegmentedFanOut fanOut;
    private final Path workDirectory;

    VideoRenditions(VideoPlanner planner, VideoRenderer renderer, ProfileCatalog profiles, ObjectStore store, SegmentedFanOut fanOut,
            Path workDirectory) {
        this.planner = planner;
        this.renderer = renderer;
        this.profiles = profiles;
        this.store = store;
        this.fanOut = fanOut;
        this.workDirectory = workDirectory;
    }

    /**
     * A renderer that plans and produces in this process only, never handing off (what the transcode
     * benchmark measures); every budget is one 900 s, 3008 MB invocation.
     */
    public static VideoRenditions inThisProcess(MediaProbe probe, VideoRenderer renderer, ProfileCatalog profiles,
            double maxDurationSeconds, long maxPixels) {
        EnginePlan.WorkerBudget budget = EnginePlan.WorkerBudget.ofLambda(Duration.ofSeconds(900), 3008, 0.5);
        return new VideoRenditions(new VideoPlanner(probe, profiles, new VideoWorkerConfig.Limits(maxDurationSeconds, maxPixels,
                Long.MAX_VALUE, budget, budget, Optional.empty())), renderer, profiles, null, null, null);
    }

    @Override
    public Optional<WorkOutcome> handOff(Asset asset, WorkMessage work) {
        String url = store.readUrl(asset.source().bucket(), asset.source().key(), PROBE_URL_LIFETIME);
        VideoPlanner.VideoPlan plan = planner.plan(work.route().profile(), work.route().transcoder(), asset.source().sizeBytes(),
                url, workDirectory);
        return plan.engine() instanceof EnginePlan.Segmented segmented
                ? Optional.of(fanOut.start(asset, work, plan, segmented))
                : Optional.empty();
    }

    @Override
    public RenditionPlan plan(Asset asset, WorkMessage work, Path source) {
        VideoPlanner.VideoPlan plan = planner.plan(work.route().profile(), work.route().transcoder(), asset.source().sizeBytes(),
                source.toString(), source.getParent());
        return new RenditionPlan(plan.layout().profile(), plan.layout().profileVersion(), plan.layout().renditions(),
                withPlanned(plan.media(), plan.layout()));
    }

    /**
     * The media to record, with the renditions this invocation makes listed under {@code transcode} ({@code planned},
     * {@code plannedVersion}), so that {@code GET /assets/{id}} shows each as done or still to come while one long
     * ffmpeg run makes them (a segmented video shows its parts instead).
     */
    private static Map<String, Object> withPlanned(Map<String, Object> media, VideoLayout layout) {
        Map<String, Object> transcode = new LinkedHashMap<>();
        if (media.get("transcode") instanceof Map<?, ?> recorded) {
            recorded.forEach((key, value) -> transcode.put(String.valueOf(key), value));
        }
        transcode.put("planned", layout.renditions().stream().map(RenditionPlan.Planned::name).toList());
        transcode.put("plannedVersion", layout.profileVersion());
        Map<String, Object> with = new LinkedHashMap<>(media);
        with.put("transcode", transcode);
        return with;
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft) {
        VideoLayout layout = planner.plan(plan.profile(), VideoPlanner.FORCE_ONE_INVOCATION, 0, source.toString(), source.getParent())
                .layout();
        Set<String> wanted = new LinkedHashSet<>();
        missing.forEach(p -> wanted.add(p.name()));
        String fallbackName = VideoLayout.mp4Name(layout.fallback());
        boolean fallback = wanted.contains(fallbackName);
        List<LadderRung> encode = layout.ladder().stream()
                // the MP4 fallback is copied from its rung's segments, so that rung is encoded if either is missing
                .filter(r -> wanted.contains(VideoLayout.hlsName(r)) || (r.equals(layout.fallback()) && fallback))
                .toList();
        boolean audio = layout.hasAudio() && (wanted.contains(VideoLayout.AUDIO) || fallback);
        boolean poster = wanted.contains(VideoLayout.POSTER);
        boolean storyboard = wanted.contains(VideoLayout.STORYBOARD);
        if (storyboard) {
            // refused before ffmpeg runs: it would fail the whole one-decode run for an optional output
            layout.storyboard().jpegProblem().ifPresent(problem -> {
                throw new FailureException(Failure.of(FailureCategory.CONFIGURATION, problem));
            });
        }
        VideoRenderer.Outputs outputs = encode.isEmpty() && !audio && !poster && !storyboard
                ? new VideoRenderer.Outputs(Map.of(), Optional.empty(), Optional.empty(), Optional.empty())
                : renderer.render(source, new VideoRenderer.Job(encode, layout.segmentSeconds(), layout.x264Preset(),
                        audio ? Optional.of(0) : Optional.empty(), layout.audioKbps(),
                        poster ? Optional.of(layout.poster()) : Optional.empty(),
                        storyboard ? Optional.of(layout.storyboard()) : Optional.empty()), dir, timeLeft);

        List<ProducedRendition> produced = new ArrayList<>();
        for (RenditionPlan.Planned planned : missing) {
            String name = planned.name();
            if (name.equals(VideoLayout.MASTER)) {
                produced.add(new ProducedRendition(planned, Map.of("hls/master.m3u8", write(dir.resolve("master.m3u8"),
                        layout.masterPlaylist(plan.keptAt()))), "hls/master.m3u8"));
            } else if (name.equals(fallbackName)) {
                Path mp4 = renderer.remuxToMp4(outputs.hls().get(layout.fallback().name()), outputs.audio(),
                        dir.resolve("fallback.mp4"), timeLeft);
                produced.add(new ProducedRendition(planned, Map.of(name + ".mp4", mp4), name + ".mp4"));
            } else if (name.equals(VideoLayout.POSTER)) {
                produced.add(new ProducedRendition(planned, Map.of("poster.jpg", outputs.poster().orElseThrow()), "poster.jpg"));
            } else if (name.equals(VideoLayout.STORYBOARD)) {
                Path vtt = write(dir.resolve("storyboard.vtt"), layout.storyboard().webVtt("sprite.jpg"));
                produced.add(new ProducedRendition(planned, Map.of("storyboard/storyboard.vtt", vtt,
                        "storyboard/sprite.jpg", outputs.sprite().orElseThrow()), "storyboard/storyboard.vtt"));
            } else if (name.equals(VideoLayout.AUDIO)) {
                produced.add(new ProducedRendition(planned, files(outputs.audio().orElseThrow(), name), name + "/index.m3u8"));
            } else {
                String rung = name.substring("hls/".length());
                produced.add(new ProducedRendition(planned, files(outputs.hls().get(rung), name), name + "/index.m3u8"));
            }
        }
        return produced;
    }

    @Override
    public long workBytesEstimate(RenditionPlan plan, List<RenditionPlan.Planned> missing, long sourceBytes) {
        double seconds = plan.renditions().stream().mapToDouble(p -> p.durationSeconds() == null ? 0 : p.durationSeconds())
                .max().orElse(0);
        long kbps = profiles.video(plan.profile()).map(p -> p.rungs().stream().mapToLong(r -> r.maxKbps() + p.audioKbps()).sum())
                .orElse(0L);
        // every rung at its peak rate, twice for the fallback's copy, plus a margin for sprites and playlists
        return sourceBytes + (long) (seconds * kbps * 1000 / 8 * 2) + 50L * 1024 * 1024;
    }

    /** An HLS rendition's files, keyed under its rendition name. */
    private static Map<String, Path> files(Path directory, String name) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.sorted().forEach(file -> files.put(name + "/" + file.getFileName(), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
