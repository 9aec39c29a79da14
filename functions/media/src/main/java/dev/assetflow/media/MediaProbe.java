package dev.assetflow.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * ffprobe, reading headers and the first frame only: dimensions and orientation are known before
 * anything is decoded in full, so limits are checked before the expensive step.
 */
public final class MediaProbe {
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

    static FailureException corrupt(String reason) {
        return new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, reason));
    }
}
