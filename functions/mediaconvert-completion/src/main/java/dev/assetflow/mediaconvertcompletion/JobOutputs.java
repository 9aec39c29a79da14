package dev.assetflow.mediaconvertcompletion;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.video.MediaConvertNaming;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.work.KeptRenditions;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.ChunkRenderer;
import dev.assetflow.media.StillFrames;
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

/**
 * A completed MediaConvert job's outputs as the layout's renditions, run by the rendition workflow (so
 * checkpoints, one rendition.ready each, READY and asset.ready are the ffmpeg paths'): the variants, the
 * audio, the master and the MP4 fallback are where the job wrote them (found in the COMPLETE event's
 * {@code outputFilePaths}, never by listing the bucket); the poster is its frame capture, copied to
 * {@code poster.jpg}; the storyboard's sprite is tiled from its frame captures and gets its WebVTT.
 */
final class JobOutputs implements Renderer {
    /** Keys of {@link #writtenKeys()} for the two capture outputs, beside the rendition names. */
    private static final String POSTER_CAPTURE = "capture:poster";
    private static final String STORYBOARD_CAPTURE = "capture:storyboard";

    private final String assetId;
    private final VideoLayout layout;
    private final JobStateChange.Complete complete;
    private final ObjectStore store;
    private final StillFrames stills;
    private final String bucket;

    JobOutputs(String assetId, VideoLayout layout, JobStateChange.Complete complete, ObjectStore store, StillFrames stills, String bucket) {
        this.assetId = assetId;
        this.layout = layout;
        this.complete = complete;
        this.store = store;
        this.stills = stills;
        this.bucket = bucket;
    }

    @Override
    public boolean needsSource() {
        return false;
    }

    @Override
    public RenditionPlan plan(Asset asset, WorkMessage work, Path noSource) {
        // MediaConvert's own definitions: what an earlier job made the same way is kept (the submitter left it out of the job)
        return new RenditionPlan(layout.profile(), layout.profileVersion(), layout.renditionsByMediaConvert());
    }

    @Override
    public long workBytesEstimate(RenditionPlan plan, List<RenditionPlan.Planned> missing, long sourceBytes) {
        return 50L * 1024 * 1024; // the poster and the storyboard's captures and sprite
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path noSource, Path dir,
            Duration timeLeft) {
        Map<String, String> written = writtenKeys();
        String prefix = MediaConvertNaming.prefix(assetId, layout);
        List<ProducedRendition> produced = new ArrayList<>();
        for (RenditionPlan.Planned planned : missing) {
            String name = planned.name();
            if (name.equals(VideoLayout.POSTER)) {
                Path poster = dir.resolve("poster.jpg");
                store.download(bucket, require(written, POSTER_CAPTURE), poster);
                produced.add(new ProducedRendition(planned, Map.of("poster.jpg", poster), "poster.jpg"));
            } else if (name.equals(VideoLayout.STORYBOARD)) {
                produced.add(storyboard(planned, require(written, STORYBOARD_CAPTURE), dir, timeLeft));
            } else if (name.equals(VideoLayout.MASTER) && !plan.keptAt().isEmpty()) {
                produced.add(masterNamingKept(planned, plan, written, prefix, dir));
            } else {
                String key = require(written, name);
                if (!key.startsWith(prefix)) {
                    throw new FailureException(Failure.of(FailureCategory.INTERNAL, "the job wrote " + name + " to " + key
                            + ", outside the asset's " + prefix));
                }
                long bytes = store.head(bucket, key).map(ObjectStore.StoredObject::sizeBytes).orElseThrow(() -> new FailureException(
                        Failure.of(FailureCategory.INTERNAL, "the job's COMPLETE event names " + key + ", which is not in " + bucket)));
                if (key.endsWith(".m3u8") && !name.equals(VideoLayout.MASTER)) {
                    // a variant is its playlist and the segments named after it (master_720p.m3u8, master_720p_00001.mp4, …)
                    bytes = store.bytesUnder(bucket, key.substring(0, key.length() - ".m3u8".length()) + "_") + bytes;
                }
                produced.add(ProducedRendition.stored(planned, key.substring(prefix.length()), bytes));
            }
        }
        return produced;
    }

    /**
     * The job's master lists only what it made; with renditions kept from an earlier version (a reprocess), the master
     * is written from the layout instead, naming the kept ones under their version and the job's variants beside it.
     */
    private ProducedRendition masterNamingKept(RenditionPlan.Planned planned, RenditionPlan plan, Map<String, String> written,
            String prefix, Path dir) {
        String master = prefix + "hls/";
        String text = layout.masterPlaylist(plan.keptAt(), rendition -> KeptRenditions.relative(master, require(written, rendition)));
        try {
            return new ProducedRendition(planned, Map.of("hls/master.m3u8", Files.writeString(dir.resolve("master.m3u8"), text)),
                    "hls/master.m3u8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rendition name (or capture) → the key the job wrote it to, from the event's output paths. */
    private Map<String, String> writtenKeys() {
        Map<String, String> keys = new HashMap<>();
        String scratch = MediaConvertNaming.scratchPrefix(assetId, layout.profile(), layout.profileVersion());
        String posterCaptures = MediaConvertNaming.posterDestination(scratch);
        String storyboardCaptures = MediaConvertNaming.storyboardDestination(scratch);
        String mp4 = MediaConvertNaming.mp4Destination(MediaConvertNaming.prefix(assetId, layout), layout.fallback()) + ".mp4";
        for (JobStateChange.OutputGroup group : complete.outputGroups()) {
            group.playlistFilePaths().stream().map(path -> MediaConvertNaming.keyIn(bucket, path)).flatMap(Optional::stream)
                    .filter(key -> key.endsWith("hls/" + MediaConvertNaming.HLS_BASE + ".m3u8"))
                    .forEach(key -> keys.put(VideoLayout.MASTER, key));
            for (JobStateChange.Output output : group.outputs()) {
                for (String path : output.outputFilePaths()) {
                    Optional<String> key = MediaConvertNaming.keyIn(bucket, path);
                    if (key.isEmpty()) {
                        continue;
                    }
                    MediaConvertNaming.renditionOfHlsOutput(path).ifPresent(rendition -> keys.put(rendition, key.get()));
                    if (key.get().equals(mp4)) {
                        keys.put(VideoLayout.mp4Name(layout.fallback()), key.get());
                    } else if (key.get().startsWith(posterCaptures + ".")) {
                        keys.put(POSTER_CAPTURE, key.get());
                    } else if (key.get().startsWith(storyboardCaptures + ".")) {
                        keys.put(STORYBOARD_CAPTURE, key.get());
                    }
                }
            }
        }
        return keys;
    }

    private static String require(Map<String, String> written, String name) {
        String key = written.get(name);
        if (key == null) {
            throw new FailureException(Failure.of(FailureCategory.INTERNAL, "the job's COMPLETE event names no output for " + name));
        }
        return key;
    }

    /** The captures are numbered from 0; the event names the last one. */
    private ProducedRendition storyboard(RenditionPlan.Planned planned, String lastCapture, Path dir, Duration timeLeft) {
        int last = MediaConvertNaming.captureIndex(lastCapture).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.INTERNAL, "the storyboard capture " + lastCapture + " has no capture number")));
        String destination = lastCapture.substring(0, lastCapture.length() - ".0000000.jpg".length());
        Path thumbnails = directory(dir.resolve("thumbnails"));
        for (int i = 0; i <= last && i < layout.storyboard().count(); i++) {
            store.download(bucket, MediaConvertNaming.captureKey(destination, i), thumbnails.resolve(ChunkRenderer.thumbnailName(i)));
        }
        Path sprite = stills.tile(thumbnails, layout.storyboard(), dir.resolve("sprite.jpg"), timeLeft);
        Path vtt = dir.resolve("storyboard.vtt");
        try {
            Files.writeString(vtt, layout.storyboard().webVtt("sprite.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProducedRendition(planned, Map.of("storyboard/storyboard.vtt", vtt, "storyboard/sprite.jpg", sprite),
                "storyboard/storyboard.vtt");
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
