package dev.assetflow.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where ffmpeg and ffprobe are. On Lambda they come from a layer ({@code /opt/bin}); locally from the
 * project's .venv (the same static build, see README "ffmpeg"). Checked once at init, with a message
 * that says what is missing.
 */
public record MediaTools(Path ffmpeg, Path ffprobe) {

    public static MediaTools from(Map<String, String> env) {
        return new MediaTools(locate(env, "FFMPEG_PATH", "ffmpeg"), locate(env, "FFPROBE_PATH", "ffprobe"));
    }

    private static Path locate(Map<String, String> env, String variable, String tool) {
        String configured = env.get(variable);
        Path path = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("/opt/bin", tool);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(tool + " is not executable at " + path + " (set " + variable
                    + "; locally, scripts/test and scripts/demo install it into .venv/bin)");
        }
        return path;
    }
}
