package dev.assetflow.domain.video;

import dev.assetflow.domain.work.RenditionWorkflow;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a MediaConvert job writes a {@link VideoLayout}'s renditions, and how its completion finds them
 * again in the COMPLETE event's {@code outputFilePaths}: the submitter and the completion function read
 * this one class. The master ({@code hls/master.m3u8}), the MP4 fallback ({@code mp4/<rung>.mp4}), the
 * poster and the storyboard get the ffmpeg paths' keys; a variant's media playlist is named the way
 * MediaConvert names an HLS output, the master's base name and the output's name modifier
 * ({@code hls/master_720p.m3u8}), next to its segments
 * (https://docs.aws.amazon.com/mediaconvert/latest/ug/output-file-names-and-paths.html).
 */
public final class MediaConvertNaming {
    /** The HLS group's destination base name: MediaConvert names the multivariant playlist after it. */
    public static final String HLS_BASE = "master";
    /** The name modifier of the audio rendition's output. */
    public static final String AUDIO_MODIFIER = "_audio";
    /** Keys of the job's user metadata, which come back in every state-change event. */
    public static final String ASSET_ID = "assetId";
    public static final String PROFILE = "profile";
    public static final String PROFILE_VERSION = "profileVersion";
    public static final String SUBMISSION = "submission";

    private static final Pattern HLS_OUTPUT = Pattern.compile(".*/hls/" + HLS_BASE + "_([A-Za-z0-9-]+)\\.m3u8");
    private static final Pattern CAPTURE_INDEX = Pattern.compile(".*\\.(\\d{7})\\.jpg");

    private MediaConvertNaming() {
    }

    public static String s3Uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** The HLS output group's destination: {@code <prefix>hls/master}, so the master is {@code hls/master.m3u8}. */
    public static String hlsDestination(String prefix) {
        return prefix + "hls/" + HLS_BASE;
    }

    public static String nameModifier(LadderRung rung) {
        return "_" + rung.name();
    }

    /** The MP4 fallback's destination: a file name without extension, so the file is {@code mp4/<rung>.mp4}. */
    public static String mp4Destination(String prefix, LadderRung rung) {
        return prefix + VideoLayout.mp4Name(rung);
    }

    /** A segmented video's and a MediaConvert job's scratch: expired by the bucket's lifecycle rule. */
    public static String scratchPrefix(String assetId, String profile, int profileVersion) {
        return "chunks/" + assetId + "/" + profile + "/v" + profileVersion + "/";
    }

    /** Where the frame captures for the poster go; MediaConvert appends {@code .NNNNNNN.jpg}. */
    public static String posterDestination(String scratch) {
        return scratch + "mediaconvert/poster";
    }

    /** Where the storyboard's frame captures go, one per storyboard interval. */
    public static String storyboardDestination(String scratch) {
        return scratch + "mediaconvert/thumb";
    }

    /** The key of frame capture number {@code index} of a capture output written to {@code destination}. */
    public static String captureKey(String destination, int index) {
        return destination + String.format(Locale.ROOT, ".%07d.jpg", index);
    }

    /** The number in a frame capture's name, e.g. 36 for {@code file.0000036.jpg}. */
    public static Optional<Integer> captureIndex(String path) {
        Matcher matcher = CAPTURE_INDEX.matcher(path);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** Which rendition an HLS output's playlist is: {@code hls/720p} for {@code .../hls/master_720p.m3u8}, {@code hls/audio} for the audio. */
    public static Optional<String> renditionOfHlsOutput(String path) {
        Matcher matcher = HLS_OUTPUT.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String modifier = "_" + matcher.group(1);
        return Optional.of(modifier.equals(AUDIO_MODIFIER) ? VideoLayout.AUDIO : "hls/" + matcher.group(1));
    }

    /** The key inside the renditions bucket of an {@code s3://bucket/key} path, if it is in that bucket. */
    public static Optional<String> keyIn(String bucket, String s3Path) {
        String head = "s3://" + bucket + "/";
        return s3Path.startsWith(head) ? Optional.of(s3Path.substring(head.length())) : Optional.empty();
    }

    /** The asset's rendition prefix for a layout. */
    public static String prefix(String assetId, VideoLayout layout) {
        return RenditionWorkflow.prefix(assetId, layout.profile(), layout.profileVersion());
    }
}
