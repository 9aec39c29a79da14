package dev.assetflow.domain.video;

import java.util.List;
import java.util.Map;

/**
 * What one chunk of a segmented video made: per rung, its segments with their global sequence numbers
 * and durations, as its encoder measured them. Fan-in writes the media playlists from these records,
 * never from a listing of the bucket.
 */
public record ChunkResult(int chunkIndex, Map<String, List<Segment>> segmentsByRung) {

    public ChunkResult {
        segmentsByRung = Map.copyOf(segmentsByRung);
    }

    public record Segment(int sequence, double durationSeconds) {}
}
