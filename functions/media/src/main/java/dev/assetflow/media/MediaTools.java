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

    /**
     * The tools the project's scripts install into .venv (ASSETFLOW_VENV, else ./.venv): what tests and
     * local tools use. Fails with what to run when they are missing.
     */
    public static MediaTools fromVenv() {
        String venv = System.getenv("ASSETFLOW_VENV");
        Path bin = Path.of(venv == null || venv.isBlank() ? ".venv" : venv, "bin");
        if (!Files.isExecutable(bin.resolve("ffmpeg")) || !Files.isExecutable(bin.resolve("ffprobe"))) {
            throw new IllegalStateException("ffmpeg/ffprobe are missing from " + bin.toAbsolutePath()
                    + ": run ./scripts/test (or ./scripts/demo), which installs them into .venv");
        }
        return new MediaTools(bin.resolve("ffmpeg"), bin.resolve("ffprobe"));
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
