package dev.assetflow.domain.events;

/** The rendition part of a {@code rendition.ready} event: what was made, where it is, and its size. */
public record RenditionDetails(
        String name,
        String profile,
        int profileVersion,
        String bucket,
        String key,
        String contentType,
        long bytes,
        Integer width,
        Integer height,
        Double durationSeconds) {
}
