package dev.assetflow.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The ffmpeg/ffprobe the project installs into .venv; a clear failure if they are absent. */
public final class TestTools {

    private TestTools() {
    }

    public static MediaTools tools() {
        String venv = System.getenv("ASSETFLOW_VENV");
        Path bin = Path.of(venv == null ? ".venv" : venv, "bin");
        if (!Files.isExecutable(bin.resolve("ffmpeg")) || !Files.isExecutable(bin.resolve("ffprobe"))) {
            throw new IllegalStateException("ffmpeg/ffprobe are missing from " + bin
                    + ": run ./scripts/test, which installs them into .venv");
        }
        return MediaTools.from(Map.of("FFMPEG_PATH", bin.resolve("ffmpeg").toString(),
                "FFPROBE_PATH", bin.resolve("ffprobe").toString()));
    }
}
