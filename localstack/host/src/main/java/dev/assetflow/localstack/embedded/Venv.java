package dev.assetflow.localstack.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project-local Python virtual env that scripts/lib/env.sh fills with moto, cfn-lint and ffmpeg. */
public record Venv(Path root) {

    public static Venv locate() {
        String configured = System.getenv("ASSETFLOW_VENV");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("assetflow.venv");
        }
        if (configured != null && !configured.isBlank()) {
            return new Venv(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".venv"))) {
                return new Venv(dir.resolve(".venv"));
            }
        }
        throw missing("no .venv found above " + Path.of("").toAbsolutePath());
    }

    public Path tool(String name) {
        Path tool = root.resolve("bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            throw missing(name + " is not installed at " + tool);
        }
        return tool;
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException(what + ". Run ./scripts/test or ./scripts/demo once: they install the pinned "
                + "moto server and ffmpeg into .venv (localstack/requirements.txt).");
    }
}
