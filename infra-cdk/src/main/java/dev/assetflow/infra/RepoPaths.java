package dev.assetflow.infra;

import dev.assetflow.topology.DeployableArtifacts;
import dev.assetflow.topology.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's files the app packages: function artifacts, configuration. */
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

    /** The deployable artifact Maven built for a function: exactly the file the local host runs. */
    String functionArtifact(FunctionSpec function) {
        return artifacts().of(function).toString();
    }

    DeployableArtifacts artifacts() {
        return new DeployableArtifacts(root);
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
}
