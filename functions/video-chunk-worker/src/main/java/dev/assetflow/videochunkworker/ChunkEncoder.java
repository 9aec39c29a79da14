package dev.assetflow.videochunkworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.domain.video.ChunkResult;
import dev.assetflow.domain.video.ChunkWork;
import dev.assetflow.domain.video.HlsMediaPlaylist;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.MediaConvertNaming;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.work.ContentTypes;
import dev.assetflow.domain.work.JobWorkspace;
import dev.assetflow.domain.work.RenditionWorkflow;
import dev.assetflow.media.ChunkRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes one part of a segmented video from a presigned URL of the original (ffmpeg seeks to the part's
 * range with HTTP range requests; the original is never downloaded whole) and uploads what it made: each
 * rung's {@code init.mp4} and segments under their final keys, with their global numbers (no playlist yet:
 * a player finds nothing until the assembly writes them), and the poster and storyboard thumbnails to a
 * scratch prefix the assembly reads them from.
 */
final class ChunkEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkEncoder.class);
    /** The presigned URL must outlive the whole encode. */
    private static final Duration URL_LIFETIME = Duration.ofHours(2);
    static final String AUDIO_RUNG = "audio";

    private final ObjectStore store;
    private final ChunkRenderer renderer;
    private final String bucket;

    ChunkEncoder(ObjectStore store, ChunkRenderer renderer, String bucket) {
        this.store = store;
        this.renderer = renderer;
        this.bucket = bucket;
    }

    /** Scratch objects of a segmented job (thumbnails, poster), outside the rendition layout. */
    static String scratchPrefix(String assetId, VideoLayout layout) {
        return MediaConvertNaming.scratchPrefix(assetId, layout.profile(), layout.profileVersion());
    }

    ChunkResult encode(Asset asset, ChunkWork work, JobWorkspace.Job job, Instant deadline) {
        String url = store.readUrl(asset.source().bucket(), asset.source().key(), URL_LIFETIME);
        VideoLayout layout = work.layout();
        ChunkWork.Part part = work.part();
        Path out = job.newDirectory("part-");
        Duration timeLeft = Duration.between(Instant.now(), deadline);
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "no time left in this invocation for part " + part.index()));
        }
        LOG.info("asset {}: encoding part {} of {} ({} {}-{} s)", asset.id(), part.index(), work.totalParts(), part.kind(),
                part.startSeconds(), part.endSeconds());
        String prefix = RenditionWorkflow.prefix(work.work(), layout.profile(), layout.profileVersion()); // a shadow's under shadow/
        Instant encoding = Instant.now();
        Map<String, List<ChunkResult.Segment>> segments = new LinkedHashMap<>();
        long encodeMillis = 0;
        switch (part.kind()) {
            case AUDIO -> {
                Path dir = renderer.renderAudio(url, 0, layout.audioKbps(), layout.segmentSeconds(), out, timeLeft);
                encodeMillis = Duration.between(encoding, Instant.now()).toMillis();
                segments.put(AUDIO_RUNG, uploadSegments(dir, prefix + VideoLayout.AUDIO + "/", part, true));
            }
            case CHUNK -> {
                ChunkRenderer.ChunkJob chunk = new ChunkRenderer.ChunkJob(layout.encodedLadder(), layout.segmentSeconds(), layout.x264Preset(),
                        part.startSeconds(), part.endSeconds(), part.firstSegment(), Optional.of(layout.poster()),
                        Optional.of(layout.storyboard()));
                Map<String, Path> rungs = renderer.render(url, chunk, out, timeLeft);
                encodeMillis = Duration.between(encoding, Instant.now()).toMillis();
                boolean last = part.endSeconds() >= layout.source().durationSeconds() - 1e-6;
                for (LadderRung rung : layout.encodedLadder()) { // kept rungs were made by an earlier profile version
                    segments.put(rung.name(), uploadSegments(rungs.get(rung.name()), prefix + VideoLayout.hlsName(rung) + "/", part, !last));
                }
                String scratch = scratchPrefix(asset.id().value(), layout);
                Path poster = out.resolve(ChunkRenderer.POSTER_FILE);
                if (Files.exists(poster)) {
                    store.upload(bucket, scratch + ChunkRenderer.POSTER_FILE, poster, "image/jpeg", null);
                }
                for (Path thumbnail : list(out.resolve(ChunkRenderer.THUMBNAILS_DIRECTORY))) {
                    store.upload(bucket, scratch + ChunkRenderer.THUMBNAILS_DIRECTORY + "/" + thumbnail.getFileName(), thumbnail,
                            "image/jpeg", null);
                }
            }
        }
        return new ChunkResult(part.index(), segments, encodeMillis);
    }

    /**
     * Uploads a rendition's init segment and media segments and returns the segments as its playlist lists
     * them. A chunk that ends inside the source must have made exactly its share of the grid; the last may
     * make fewer (the container may say the source is a frame longer than its video), the audio any number.
     */
    private List<ChunkResult.Segment> uploadSegments(Path dir, String keyPrefix, ChunkWork.Part part, boolean exact) {
        List<ChunkResult.Segment> listed = HlsMediaPlaylist.segmentsOf(read(dir.resolve("index.m3u8")));
        if (part.kind() == ChunkWork.Kind.CHUNK) {
            int expectedLast = part.firstSegment() + part.segments() - 1;
            boolean aligned = !listed.isEmpty() && listed.get(0).sequence() == part.firstSegment()
                    && listed.get(listed.size() - 1).sequence() <= expectedLast
                    && (!exact || listed.get(listed.size() - 1).sequence() == expectedLast);
            if (!aligned) {
                throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, String.format(Locale.ROOT,
                        "%.3f-%.3f s of it made segments %s; the grid wants %d..%d: the source is damaged or shorter there",
                        part.startSeconds(), part.endSeconds(), listed.isEmpty() ? "none" : listed.get(0).sequence() + ".."
                                + listed.get(listed.size() - 1).sequence(), part.firstSegment(), expectedLast)));
            }
        }
        List<ChunkResult.Segment> uploaded = new ArrayList<>();
        store.upload(bucket, keyPrefix + "init.mp4", dir.resolve("init.mp4"), ContentTypes.of("init.mp4"), RenditionWorkflow.IMMUTABLE);
        for (ChunkResult.Segment segment : listed) {
            String name = HlsMediaPlaylist.name(segment.sequence());
            long bytes = store.upload(bucket, keyPrefix + name, dir.resolve(name), ContentTypes.of(name), RenditionWorkflow.IMMUTABLE);
            uploaded.add(segment.withBytes(bytes));
        }
        return uploaded;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
