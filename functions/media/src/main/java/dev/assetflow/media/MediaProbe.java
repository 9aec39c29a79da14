package dev.assetflow.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ffprobe, reading headers and the first frame only: dimensions and orientation are known before
 * anything is decoded in full, so limits are checked before the expensive step.
 */
public final class MediaProbe {
    private static final Logger LOG = LoggerFactory.getLogger(MediaProbe.class);
    private final MediaTools tools;
    private final ProcessRunner runner;

    public MediaProbe(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    public ImageInfo probeImage(Path file, Duration timeout) {
        ProcessRunner.Result result = runner.run(List.of(tools.ffprobe().toString(),
                "-v", "error", "-protocol_whitelist", "file",
                "-select_streams", "v:0",
                "-show_entries", "stream=width,height,codec_name:stream_side_data=rotation:frame_side_data=rotation",
                "-show_frames", "-read_intervals", "%+#1",
                "-of", "json", file.toString()), file.getParent(), timeout);
        if (!result.succeeded()) {
            throw corrupt("ffprobe cannot read it: " + (result.timedOut() ? "timed out" : result.lastErrorLine()));
        }
        try {
            JsonNode root = Json.mapper().readTree(result.stdout());
            JsonNode stream = root.path("streams").path(0);
            int width = stream.path("width").asInt(0);
            int height = stream.path("height").asInt(0);
            if (width <= 0 || height <= 0) {
                throw corrupt("ffprobe finds no picture in it: the file is truncated or corrupt");
            }
            return new ImageInfo(width, height, rotation(root, stream), stream.path("codec_name").asText("unknown"));
        } catch (IOException e) {
            throw corrupt("ffprobe's answer is unreadable: " + e.getMessage());
        }
    }

    /**
     * How many frames an image holds (a GIF's animation), counted from its packets without decoding
     * them, so the frame limit is checked before the expensive step.
     */
    public int countFrames(Path file, Duration timeout) {
        ProcessRunner.Result result = runner.run(List.of(tools.ffprobe().toString(),
                "-v", "error", "-protocol_whitelist", "file", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "json", file.toString()), file.getParent(), timeout);
        if (!result.succeeded()) {
            throw corrupt("ffprobe cannot count its frames: " + (result.timedOut() ? "timed out" : result.lastErrorLine()));
        }
        try {
            return Json.mapper().readTree(result.stdout()).path("streams").path(0).path("nb_read_packets").asInt(1);
        } catch (IOException e) {
            throw corrupt("ffprobe's answer is unreadable: " + e.getMessage());
        }
    }

    /**
     * Container, duration, streams and rotation of an audio or video file, or of a URL (a presigned S3
     * GET: ffprobe reads only what it needs with range requests).
     */
    public MediaInfo probeMedia(String fileOrUrl, Path workDirectory, Duration timeout) {
        boolean remote = remote(fileOrUrl);
        ProcessRunner.Result result = probeMediaOnce(fileOrUrl, workDirectory, timeout);
        if (remote && !result.succeeded() && !result.timedOut() && !readFailure(result.lastErrorLine())) {
            // over HTTP, a range request refused or cut mid-read can surface as unparseable content (ffmpeg logs
            // the HTTP error itself below -v error): a corrupt file fails the same way again, a dropped read does not
            LOG.warn("ffprobe could not read a remote original ({}); probing it once more before calling it corrupt",
                    result.lastErrorLine().replace(fileOrUrl, "the file"));
            result = probeMediaOnce(fileOrUrl, workDirectory, timeout);
        }
        if (!result.succeeded()) {
            // ffprobe names its input in the message; a presigned URL must not end up in the asset's record
            String error = result.timedOut() ? "timed out" : result.lastErrorLine().replace(fileOrUrl + ": ", "").replace(fileOrUrl, "the file");
            if (remote && (result.timedOut() || readFailure(error))) {
                // S3 sheds load with 503 SlowDown and connections drop: the file is not at fault, try again later
                throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "reading the original over HTTP failed: " + error));
            }
            throw corrupt("ffprobe cannot read it: " + error);
        }
        try {
            return mediaInfo(Json.mapper().readTree(result.stdout()));
        } catch (IOException e) {
            throw corrupt("ffprobe's answer is unreadable: " + e.getMessage());
        }
    }

    private ProcessRunner.Result probeMediaOnce(String fileOrUrl, Path workDirectory, Duration timeout) {
        return runner.run(List.of(tools.ffprobe().toString(),
                "-v", "error", "-protocol_whitelist", protocolWhitelist(fileOrUrl),
                "-show_entries", "format=format_name,duration,bit_rate:stream=index,codec_type,codec_name,width,height,"
                        + "avg_frame_rate,r_frame_rate,pix_fmt,channels,sample_rate:stream_tags=language:stream_disposition=attached_pic"
                        + ":stream_side_data=rotation",
                "-of", "json", fileOrUrl), workDirectory, timeout);
    }

    static MediaInfo mediaInfo(JsonNode root) {
        JsonNode format = root.path("format");
        Optional<MediaInfo.VideoStream> video = Optional.empty();
        List<MediaInfo.AudioStream> audio = new ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            if ("video".equals(type) && video.isEmpty() && !isCoverArt(stream)) {
                video = Optional.of(new MediaInfo.VideoStream(stream.path("width").asInt(), stream.path("height").asInt(),
                        rotation(root, stream), stream.path("codec_name").asText("unknown"), frameRate(stream),
                        stream.path("pix_fmt").asText("unknown")));
            } else if ("audio".equals(type)) {
                audio.add(new MediaInfo.AudioStream(audio.size(), stream.path("codec_name").asText("unknown"),
                        stream.path("channels").asInt(), stream.path("sample_rate").asInt(),
                        stream.path("tags").path("language").asText(null)));
            }
        }
        return new MediaInfo(format.path("format_name").asText("unknown"), format.path("duration").asDouble(0),
                format.path("bit_rate").asLong(0), video, audio);
    }

    /** MP3s and M4As carry album art as an attached picture (a one-frame "video" stream); it is not video. */
    private static boolean isCoverArt(JsonNode stream) {
        return stream.path("disposition").path("attached_pic").asInt(0) == 1;
    }

    private static double frameRate(JsonNode stream) {
        for (String field : List.of("avg_frame_rate", "r_frame_rate")) {
            String[] parts = stream.path(field).asText("0/0").split("/");
            if (parts.length == 2) {
                double num = Double.parseDouble(parts[0]);
                double den = Double.parseDouble(parts[1]);
                if (num > 0 && den > 0) {
                    return num / den;
                }
            }
        }
        return 0;
    }

    /** EXIF orientation shows up as frame side data; a display matrix on a stream as stream side data. */
    private static int rotation(JsonNode root, JsonNode stream) {
        for (JsonNode sideData : root.path("frames").path(0).path("side_data_list")) {
            if (sideData.has("rotation")) {
                return sideData.get("rotation").asInt();
            }
        }
        for (JsonNode sideData : stream.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return sideData.get("rotation").asInt();
            }
        }
        return 0;
    }

    /** Whether a tool reads this input over HTTP (a presigned S3 GET) rather than from a local file. */
    static boolean remote(String fileOrUrl) {
        return fileOrUrl.startsWith("http://") || fileOrUrl.startsWith("https://");
    }

    /** The only protocols a tool may open for this input: a URL never reaches a file, a file never the network. */
    static String protocolWhitelist(String fileOrUrl) {
        return remote(fileOrUrl) ? "http,https,tcp,tls" : "file";
    }

    /** ffprobe's words for a failed HTTP read, as opposed to content it cannot parse. */
    static boolean readFailure(String error) {
        return error.matches("(?s).*(Server returned 5\\d\\d|Server returned 5XX|Connection refused|Connection reset|Connection timed out"
                + "|timed out|Network is unreachable|Failed to resolve|Broken pipe|Input/output error).*");
    }

    static FailureException corrupt(String reason) {
        return new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, reason));
    }
}
