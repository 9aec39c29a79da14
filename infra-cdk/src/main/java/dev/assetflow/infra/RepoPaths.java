package dev.assetflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the repository's files the app packages: function jars, configuration. */
final class RepoPaths {
    private final Path root;

    private RepoPaths(Path root) {
        this.root = root;
    }

    static RepoPaths locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("topology/topology.json"))) {
                return new RepoPaths(dir);
            }
        }
        throw new IllegalStateException("run the CDK app inside the Assetflow repository (no topology/topology.json found)");
    }

    /** The shaded jar Maven built for a function module, e.g. functions/ingest/target/ingest-0.1.0-SNAPSHOT.jar. */
    String functionJar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("original-"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar"))
                    .findFirst()
                    .map(Path::toString)
                    .orElseThrow(() -> missingJar(module));
        } catch (IOException e) {
            throw missingJar(module);
        }
    }

    String readConfig(String name) {
        try {
            return Files.readString(root.resolve("config").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config/" + name, e);
        }
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    private static IllegalStateException missingJar(String module) {
        return new IllegalStateException("no jar in " + module + "/target: build the functions first (./mvnw -DskipTests install, "
                + "or ./scripts/synth which does it)");
    }
}
