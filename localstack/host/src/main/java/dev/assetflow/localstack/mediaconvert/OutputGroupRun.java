package dev.assetflow.localstack.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One output group of a stand-in job, made with ffmpeg and uploaded under the group's destination, the
 * way MediaConvert names files (https://docs.aws.amazon.com/mediaconvert/latest/ug/output-file-names-and-paths.html):
 * the destination's last segment is the base name, an output's name modifier is appended, an HLS group's
 * multivariant playlist is {@code <base>.m3u8} and each output's playlist {@code <base><modifier>.m3u8}, frame
 * captures are {@code <base>.NNNNNNN.jpg}. The segment names of HLS outputs are the stand-in's own.
 */
final class OutputGroupRun {
    private final JsonNode group;
    private final Path input;
    private final boolean inputHasAudio;
    private final Path dir;
    private final StandInJob.Tools tools;
    private final S3Client s3;

    OutputGroupRun(JsonNode group, Path input, boolean inputHasAudio, Path dir, StandInJob.Tools tools, S3Client s3) {
        this.group = group;
        this.input = input;
        this.inputHasAudio = inputHasAudio;
        this.dir = dir;
        this.tools = tools;
        this.s3 = s3;
    }

    /** Makes and uploads the group; returns its entry of the COMPLETE event's {@code outputGroupDetails}. */
    ObjectNode run() {
        JsonNode settings = group.path("outputGroupSettings");
        String type = settings.path("type").asText();
        ObjectNode detail = Json.mapper().createObjectNode();
        var outputs = detail.putArray("outputDetails");
        if (type.equals("HLS_GROUP_SETTINGS")) {
            StandInJob.S3Uri destination = StandInJob.S3Uri.parse(settings.path("hlsGroupSettings").path("destination").asText());
            int segment = settings.path("hlsGroupSettings").path("segmentLength").asInt(6);
            List<String> variants = new ArrayList<>();
            String audioPlaylist = null;
            for (JsonNode output : group.path("outputs")) {
                String name = base(destination) + output.path("nameModifier").asText("");
                boolean audioOnly = output.path("videoDescription").isMissingNode();
                List<String> command = audioOnly ? audioOnly(output) : video(output.path("videoDescription"), false);
                command.addAll(StandInJob.list("-f", "hls", "-hls_time", Integer.toString(segment), "-hls_playlist_type", "vod",
                        "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", name + "_init.mp4",
                        "-hls_segment_filename", dir.resolve(name + "_%05d.mp4").toString(), dir.resolve(name + ".m3u8").toString()));
                StandInJob.run(command, dir, "encoding HLS output " + name);
                outputs.add(outputDetail(destination, name + ".m3u8", output));
                if (audioOnly) {
                    audioPlaylist = name + ".m3u8";
                } else {
                    variants.add(streamInf(output) + "\n" + name + ".m3u8");
                }
            }
            String master = base(destination) + ".m3u8";
            write(dir.resolve(master), masterPlaylist(variants, audioPlaylist));
            detail.putArray("playlistFilePaths").add(uri(destination, master));
            detail.put("type", "HLS_GROUP");
        } else if (type.equals("FILE_GROUP_SETTINGS")) {
            StandInJob.S3Uri destination = StandInJob.S3Uri.parse(settings.path("fileGroupSettings").path("destination").asText());
            for (JsonNode output : group.path("outputs")) {
                JsonNode codec = output.path("videoDescription").path("codecSettings");
                String name = base(destination) + output.path("nameModifier").asText("");
                if ("FRAME_CAPTURE".equals(codec.path("codec").asText())) {
                    outputs.add(outputDetail(destination, frameCaptures(output, name), output));
                } else {
                    List<String> command = video(output.path("videoDescription"), output.has("audioDescriptions"));
                    command.addAll(StandInJob.list("-movflags", "+faststart", dir.resolve(name + ".mp4").toString()));
                    StandInJob.run(command, dir, "encoding file output " + name);
                    outputs.add(outputDetail(destination, name + ".mp4", output));
                }
            }
            detail.put("type", "FILE_GROUP");
        } else {
            throw new StandInJob.JobError(1550, "the local stand-in does not make output groups of type " + type);
        }
        upload(destination(settings));
        return detail;
    }

    private StandInJob.S3Uri destination(JsonNode settings) {
        JsonNode hls = settings.path("hlsGroupSettings");
        return StandInJob.S3Uri.parse((hls.isMissingNode() ? settings.path("fileGroupSettings") : hls).path("destination").asText());
    }

    private List<String> start() {
        return StandInJob.list(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i",
                input.toAbsolutePath().toString());
    }

    /** H.264 at the description's size and bitrates, a keyframe every {@code gopSize} seconds; with the first audio if asked. */
    private List<String> video(JsonNode description, boolean withAudio) {
        JsonNode h264 = description.path("codecSettings").path("h264Settings");
        List<String> command = start();
        command.addAll(StandInJob.list("-map", "0:v:0", "-vf", "scale=" + description.path("width").asInt() + ":"
                + description.path("height").asInt(), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-b:v", Integer.toString(h264.path("bitrate").asInt(2_000_000)),
                "-maxrate", Integer.toString(h264.path("maxBitrate").asInt(4_000_000)),
                "-bufsize", Integer.toString(2 * h264.path("maxBitrate").asInt(4_000_000)),
                "-force_key_frames", "expr:gte(t,n_forced*" + h264.path("gopSize").asDouble(2) + ")", "-sc_threshold", "0"));
        if (withAudio && inputHasAudio) {
            command.addAll(StandInJob.list("-map", "0:a:0", "-c:a", "aac", "-ac", "2", "-ar", "48000"));
        } else {
            command.add("-an");
        }
        return command;
    }

    private List<String> audioOnly(JsonNode output) {
        if (!inputHasAudio) {
            throw new StandInJob.JobError(1040, "audio output " + output.path("nameModifier").asText() + " asks for an audio selector the input has no track for");
        }
        JsonNode aac = output.path("audioDescriptions").path(0).path("codecSettings").path("aacSettings");
        List<String> command = start();
        command.addAll(StandInJob.list("-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", Integer.toString(aac.path("bitrate").asInt(128_000)),
                "-ac", "2", "-ar", Integer.toString(aac.path("sampleRate").asInt(48_000))));
        return command;
    }

    /** Captures from the first frame on, one per 1/framerate seconds, up to maxCaptures; returns the last one's name. */
    private String frameCaptures(JsonNode output, String name) {
        JsonNode description = output.path("videoDescription");
        JsonNode capture = description.path("codecSettings").path("frameCaptureSettings");
        List<String> command = start();
        command.addAll(StandInJob.list("-vf", "fps=" + capture.path("framerateNumerator").asInt(1) + "/"
                + capture.path("framerateDenominator").asInt(1) + ":round=down,scale=" + description.path("width").asInt() + ":"
                + description.path("height").asInt(), "-frames:v", Integer.toString(capture.path("maxCaptures").asInt(1)),
                "-q:v", "3", "-start_number", "0", dir.resolve(name + ".%07d.jpg").toString()));
        StandInJob.run(command, dir, "capturing frames " + name);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).filter(file -> file.startsWith(name + ".") && file.endsWith(".jpg"))
                    .sorted().reduce((first, second) -> second)
                    .orElseThrow(() -> new StandInJob.JobError(1010, "no frame could be captured for " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode outputDetail(StandInJob.S3Uri destination, String file, JsonNode output) {
        ObjectNode detail = Json.mapper().createObjectNode();
        detail.putArray("outputFilePaths").add(uri(destination, file));
        JsonNode video = output.path("videoDescription");
        if (!video.isMissingNode()) {
            detail.putObject("videoDetails").put("widthInPx", video.path("width").asInt()).put("heightInPx", video.path("height").asInt());
        }
        return detail;
    }

    private static String streamInf(JsonNode output) {
        JsonNode video = output.path("videoDescription");
        JsonNode h264 = video.path("codecSettings").path("h264Settings");
        return String.format(Locale.ROOT, "#EXT-X-STREAM-INF:BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"avc1.640028,mp4a.40.2\",AUDIO=\"audio\"",
                h264.path("maxBitrate").asInt() + 128_000, video.path("width").asInt(), video.path("height").asInt());
    }

    private static String masterPlaylist(List<String> variants, String audioPlaylist) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (audioPlaylist != null) {
            m3u8.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"audio\",DEFAULT=YES,AUTOSELECT=YES,URI=\"")
                    .append(audioPlaylist).append("\"\n");
        }
        variants.forEach(variant -> m3u8.append(audioPlaylist == null ? variant.replace(",AUDIO=\"audio\"", "") : variant).append('\n'));
        return m3u8.toString();
    }

    /** Every file the group made, under the destination's directory (segments and init first, playlists last). */
    private void upload(StandInJob.S3Uri destination) {
        String directory = destination.key().contains("/") ? destination.key().substring(0, destination.key().lastIndexOf('/') + 1) : "";
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(path -> !path.getFileName().toString().equals("ffmpeg.log"))
                    .sorted((a, b) -> Boolean.compare(a.toString().endsWith(".m3u8"), b.toString().endsWith(".m3u8")))
                    .forEach(path -> s3.putObject(b -> b.bucket(destination.bucket()).key(directory + path.getFileName())
                            .contentType(contentType(path.getFileName().toString())), RequestBody.fromFile(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        return file.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : file.endsWith(".jpg") ? "image/jpeg" : "video/mp4";
    }

    private static String base(StandInJob.S3Uri destination) {
        String key = destination.key();
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String uri(StandInJob.S3Uri destination, String file) {
        String key = destination.key();
        return "s3://" + destination.bucket() + "/" + key.substring(0, key.lastIndexOf('/') + 1) + file;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
