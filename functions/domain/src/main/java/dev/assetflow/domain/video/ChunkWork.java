package dev.assetflow.domain.video;

import dev.assetflow.domain.work.WorkMessage;

/**
 * One part of a segmented video, as a message on the chunk queue of the asset's priority class: the
 * asset's work message (so the assembly ends the asset as the one-invocation path would), the layout the
 * video worker planned, and which part this is: a video {@link Kind#CHUNK} (segments
 * {@code firstSegment..firstSegment+segments-1} of every rung, covering {@code [startSeconds, endSeconds)})
 * or the {@link Kind#AUDIO} rendition of the whole source. {@code assetId} is repeated at the top so
 * dead-letter triage finds the asset. Schema version {@value #SCHEMA_VERSION}.
 */
public record ChunkWork(int schemaVersion, String assetId, WorkMessage work, VideoLayout layout, int totalParts, Part part) {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind { CHUNK, AUDIO }

    public record Part(Kind kind, int index, int firstSegment, int segments, double startSeconds, double endSeconds) {

        public static Part of(EnginePlan.Chunk chunk) {
            return new Part(Kind.CHUNK, chunk.index(), chunk.firstSegment(), chunk.segments(), chunk.startSeconds(), chunk.endSeconds());
        }

        /** The audio rendition: the whole timeline, counted as the part after the last chunk. */
        public static Part audio(int index, int segments, double durationSeconds) {
            return new Part(Kind.AUDIO, index, 0, segments, 0, durationSeconds);
        }
    }

    public static ChunkWork of(WorkMessage work, VideoLayout layout, int totalParts, Part part) {
        return new ChunkWork(SCHEMA_VERSION, work.assetId(), work, layout, totalParts, part);
    }
}
