package dev.assetflow.videochunkworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.video.ChunkLedger;
import dev.assetflow.domain.video.ChunkResult;
import dev.assetflow.domain.video.HlsMediaPlaylist;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.video.ChunkWork;
import dev.assetflow.domain.work.RenditionWorkflow;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.ChunkRenderer;
import dev.assetflow.media.StillFrames;
import dev.assetflow.media.VideoRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The fan-in of a segmented video, as a {@link Renderer} the rendition workflow runs (so checkpoints,
 * rendition.ready per rendition, READY and asset.ready are exactly the one-invocation path's, and a
 * repeated assembly makes only what has no checkpoint): each variant's and the audio's media playlist from
 * the segments the ledger recorded (never a bucket listing), the master, the MP4 fallback by stream copy
 * of its rung's and the audio's segments, the poster one chunk made, and the sprite tiled from every
 * chunk's thumbnails. Nothing of the original is downloaded.
 */
final class SegmentAssembly implements Renderer {
    /** Downloads of segments for the MP4 fallback run side by side: each is a small object, latency-bound. */
    private static final int DOWNLOADS = 8;

    private final AssetId asset;
    private final VideoLayout layout;
    /** Where the chunks put the segments, and the renditions go: a shadow copy's under {@code shadow/}. */
    private final String prefix;
    private final ChunkLedger ledger;
    private final ObjectStore store;
    private final VideoRenderer renderer;
    private final StillFrames stills;
    private final String bucket;
    private List<ChunkResult> results;

    /** Builds the assembly of one asset's layout (its parts' work: production or a shadow copy) from the worker's long-lived parts. */
    record Factory(ChunkLedger ledger, ObjectStore store, VideoRenderer renderer, StillFrames stills, String bucket) {
        SegmentAssembly of(ChunkWork part) {
            return new SegmentAssembly(new AssetId(part.assetId()), part.layout(),
                    RenditionWorkflow.prefix(part.work(), part.layout().profile(), part.layout().profileVersion()), this);
        }
    }

    private SegmentAssembly(AssetId asset, VideoLayout layout, String prefix, Factory parts) {
        this.asset = asset;
        this.layout = layout;
        this.prefix = prefix;
        this.ledger = parts.ledger();
        this.store = parts.store();
        this.renderer = parts.renderer();
        this.stills = parts.stills();
        this.bucket = parts.bucket();
    }

    @Override
    public boolean needsSource() {
        return false;
    }

    @Override
    public RenditionPlan plan(Asset ignored, WorkMessage work, Path noSource) {
        return new RenditionPlan(layout.profile(), layout.profileVersion(), layout.renditions());
    }

    @Override
    public long workBytesEstimate(RenditionPlan plan, List<RenditionPlan.Planned> missing, long sourceBytes) {
        LadderRung fallback = layout.fallback();
        // the fallback rung's and the audio's segments, twice (segments and the MP4), and a margin for the sprite
        return (long) (layout.source().durationSeconds() * (fallback.maxKbps() + layout.audioKbps()) * 1000 / 8 * 2) + 50L * 1024 * 1024;
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path noSource, Path dir,
            Duration timeLeft) {
        Map<String, List<ChunkResult.Segment>> segments = segmentsByRung();
        String fallbackName = VideoLayout.mp4Name(layout.fallback());
        List<ProducedRendition> produced = new ArrayList<>();
        for (RenditionPlan.Planned planned : missing) {
            String name = planned.name();
            if (name.equals(VideoLayout.MASTER)) {
                produced.add(new ProducedRendition(planned, Map.of("hls/master.m3u8", write(dir.resolve("master.m3u8"),
                        layout.masterPlaylist(plan.keptAt()))), "hls/master.m3u8"));
            } else if (name.equals(fallbackName)) {
                Path video = localVariant(prefix + VideoLayout.hlsName(layout.fallback()) + "/", segments.get(layout.fallback().name()),
                        dir.resolve("fallback-video"));
                Optional<Path> audio = layout.hasAudio()
                        ? Optional.of(localVariant(prefix + VideoLayout.AUDIO + "/", segments.get(ChunkEncoder.AUDIO_RUNG), dir.resolve("fallback-audio")))
                        : Optional.empty();
                Path mp4 = renderer.remuxToMp4(video, audio, dir.resolve("fallback.mp4"), timeLeft);
                produced.add(new ProducedRendition(planned, Map.of(name + ".mp4", mp4), name + ".mp4"));
            } else if (name.equals(VideoLayout.POSTER)) {
                Path poster = dir.resolve("poster.jpg");
                store.download(bucket, ChunkEncoder.scratchPrefix(asset.value(), layout) + ChunkRenderer.POSTER_FILE, poster);
                produced.add(new ProducedRendition(planned, Map.of("poster.jpg", poster), "poster.jpg"));
            } else if (name.equals(VideoLayout.STORYBOARD)) {
                Path thumbnails = dir.resolve("thumbnails");
                String scratch = ChunkEncoder.scratchPrefix(asset.value(), layout) + ChunkRenderer.THUMBNAILS_DIRECTORY + "/";
                parallel(IntStream.range(0, layout.storyboard().count()).mapToObj(i -> (Runnable) () ->
                        store.download(bucket, scratch + ChunkRenderer.thumbnailName(i), thumbnails.resolve(ChunkRenderer.thumbnailName(i))))
                        .toList(), thumbnails);
                Path sprite = stills.tile(thumbnails, layout.storyboard(), dir.resolve("sprite.jpg"), timeLeft);
                Path vtt = write(dir.resolve("storyboard.vtt"), layout.storyboard().webVtt("sprite.jpg"));
                produced.add(new ProducedRendition(planned, Map.of("storyboard/storyboard.vtt", vtt, "storyboard/sprite.jpg", sprite),
                        "storyboard/storyboard.vtt"));
            } else {
                String rung = name.equals(VideoLayout.AUDIO) ? ChunkEncoder.AUDIO_RUNG : name.substring("hls/".length());
                List<ChunkResult.Segment> rungSegments = segments.get(rung);
                Path playlist = write(dir.resolve(rung + ".m3u8"), mediaPlaylist(rung, rungSegments));
                produced.add(new ProducedRendition(planned, Map.of(name + "/index.m3u8", playlist), name + "/index.m3u8",
                        rungSegments.stream().mapToLong(ChunkResult.Segment::bytes).sum()));
            }
        }
        return produced;
    }

    /** The parts' encodes, summed: the video's encode time besides the assembly's. */
    @Override
    public long encodedBeforeMillis() {
        return results().stream().mapToLong(ChunkResult::encodeMillis).sum();
    }

    /** The parts' results, read once per assembly. */
    private List<ChunkResult> results() {
        if (results == null) {
            results = ledger.results(asset, layout.profile(), layout.profileVersion());
        }
        return results;
    }

    /** Every rung's segments over all chunks, from the ledger. */
    private Map<String, List<ChunkResult.Segment>> segmentsByRung() {
        Map<String, List<ChunkResult.Segment>> merged = new HashMap<>();
        for (ChunkResult result : results()) {
            result.segmentsByRung().forEach((rung, list) -> merged.computeIfAbsent(rung, k -> new ArrayList<>()).addAll(list));
        }
        return merged;
    }

    private static String mediaPlaylist(String rung, List<ChunkResult.Segment> segments) {
        try {
            return HlsMediaPlaylist.of(segments == null ? List.of() : segments);
        } catch (IllegalArgumentException e) {
            // the ledger holds a gap or a double: the parts do not join, and no retry changes that
            throw new FailureException(Failure.of(FailureCategory.INTERNAL, "the chunks of " + rung + " do not join: " + e.getMessage()));
        }
    }

    /** A variant's init segment and media segments downloaded beside a playlist naming them, for a local stream copy. */
    private Path localVariant(String keyPrefix, List<ChunkResult.Segment> segments, Path dir) {
        List<Runnable> downloads = new ArrayList<>();
        downloads.add(() -> store.download(bucket, keyPrefix + "init.mp4", dir.resolve("init.mp4")));
        for (ChunkResult.Segment segment : segments) {
            String name = HlsMediaPlaylist.name(segment.sequence());
            downloads.add(() -> store.download(bucket, keyPrefix + name, dir.resolve(name)));
        }
        parallel(downloads, dir);
        write(dir.resolve("index.m3u8"), mediaPlaylist(keyPrefix, segments));
        return dir;
    }

    private static void parallel(List<Runnable> downloads, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(DOWNLOADS);
        try {
            List<Future<?>> running = downloads.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> download : running) {
                download.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "interrupted while downloading segments"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
