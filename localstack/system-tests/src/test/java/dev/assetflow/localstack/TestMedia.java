package dev.assetflow.localstack;

import dev.assetflow.localstack.embedded.Venv;
import dev.assetflow.media.ImageInfo;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Real media and a real probe for the integration tests, with the same ffmpeg the functions use. */
final class TestMedia {
    static final MediaTools TOOLS = tools();
    static final SampleMedia SAMPLES = new SampleMedia(TOOLS);
    private static final MediaProbe PROBE = new MediaProbe(TOOLS, new ProcessRunner());

    private TestMedia() {
    }

    static ImageInfo probe(Path file) {
        return PROBE.probeImage(file, Duration.ofSeconds(30));
    }

    static MediaInfo probeMedia(Path file) {
        return PROBE.probeMedia(file.toString(), file.getParent(), Duration.ofSeconds(30));
    }

    private static MediaTools tools() {
        Venv venv = Venv.locate();
        return MediaTools.from(Map.of("FFMPEG_PATH", venv.tool("ffmpeg").toString(),
                "FFPROBE_PATH", venv.tool("ffprobe").toString()));
    }
}
