package dev.assetflow.domain.video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variant's media playlist written from recorded segments (RFC 8216): version 7, fMP4 with one
 * {@code init.mp4}, segments {@code seg_NNNNN.m4s} in sequence. Refuses a set with a missing or doubled
 * segment rather than write a playlist that skips or repeats a stretch of the video.
 */
public final class HlsMediaPlaylist {
    private static final Pattern SEGMENT = Pattern.compile("seg_(\\d{5,})\\.m4s");

    private HlsMediaPlaylist() {
    }

    public static String of(List<ChunkResult.Segment> segments) {
        List<ChunkResult.Segment> ordered = segments.stream().sorted(Comparator.comparingInt(ChunkResult.Segment::sequence)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).sequence() != i) {
                throw new IllegalArgumentException("segment " + i + " is " + (ordered.get(i).sequence() > i ? "missing" : "doubled"));
            }
        }
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a media playlist needs at least one segment");
        }
        // the target duration: every EXTINF rounded to the nearest integer must not exceed it (RFC 8216, 4.3.3.1)
        long target = ordered.stream().mapToLong(s -> Math.round(s.durationSeconds())).max().orElseThrow();
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:").append(Math.max(1, target))
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n");
        for (ChunkResult.Segment segment : ordered) {
            playlist.append(String.format(Locale.ROOT, "#EXTINF:%.6f,%n", segment.durationSeconds())).append(name(segment.sequence())).append('\n');
        }
        return playlist.append("#EXT-X-ENDLIST\n").toString();
    }

    /** The segments a chunk's own playlist lists (as its HLS muxer wrote it), with their global numbers. */
    public static List<ChunkResult.Segment> segmentsOf(String chunkPlaylist) {
        List<ChunkResult.Segment> segments = new ArrayList<>();
        Double duration = null;
        for (String line : chunkPlaylist.lines().toList()) {
            if (line.startsWith("#EXTINF:")) {
                duration = Double.parseDouble(line.substring("#EXTINF:".length()).split(",", 2)[0]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                Matcher matcher = SEGMENT.matcher(line.trim());
                if (duration == null || !matcher.matches()) {
                    throw new IllegalArgumentException("not a segment of this layout: " + line);
                }
                segments.add(new ChunkResult.Segment(Integer.parseInt(matcher.group(1)), duration));
                duration = null;
            }
        }
        return segments;
    }

    public static String name(int sequence) {
        return String.format(Locale.ROOT, "seg_%05d.m4s", sequence);
    }
}
