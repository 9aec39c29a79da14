package dev.assetflow.domain.video;

import java.util.List;
import java.util.Map;

/**
 * What one chunk of a segmented video made: per rung, its segments with their global sequence numbers
 * and durations, as its encoder measured them. Fan-in writes the media playlists from these records,
 * never from a listing of the bucket. {@code encodeMillis}: how long its ffmpeg run took (0 when not recorded), summed
 * into the video's encode time.
 */
public record ChunkResult(int chunkIndex, Map<String, List<Segment>> segmentsByRung, long encodeMillis) {

    public ChunkResult {
        segmentsByRung = Map.copyOf(segmentsByRung);
    }

    public ChunkResult(int chunkIndex, Map<String, List<Segment>> segmentsByRung) {
        this(chunkIndex, segmentsByRung, 0);
    }

    /** One segment: its global number, its duration, and its size in bytes (0 while only its playlist entry is known). */
    public record Segment(int sequence, double durationSeconds, long bytes) {

        public Segment(int sequence, double durationSeconds) {
            this(sequence, durationSeconds, 0);
        }

        public Segment withBytes(long size) {
            return new Segment(sequence, durationSeconds, size);
        }
    }

    /** The bytes of a rung's segments in this chunk. */
    public long bytes(String rung) {
        return segmentsByRung.getOrDefault(rung, List.of()).stream().mapToLong(Segment::bytes).sum();
    }
}
