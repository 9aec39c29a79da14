package dev.assetflow.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the build leaves each function's deployable artifact: {@code <module>/target/<name>-<version>-lambda.zip},
 * Lambda's .zip layout for Java (classes at the root, dependencies under lib/). The CDK app uploads
 * exactly this file and the local host runs exactly this file.
 */
public record DeployableArtifacts(Path repository) {
    private static final String SUFFIX = "-lambda.zip";

    /** The repository above the working directory (the folder that holds topology/topology.json). */
    public static DeployableArtifacts locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("topology/topology.json"))) {
                return new DeployableArtifacts(dir);
            }
        }
        throw new IllegalStateException("no Assetflow repository (topology/topology.json) above " + Path.of("").toAbsolutePath());
    }

    /** How to build the console, for the messages of whatever finds it missing. */
    public static final String BUILD_CONSOLE = "(cd console && npm ci && npm run build); ./scripts/test and ./scripts/demo do it themselves";

    /**
     * The operator console as the build leaves it ({@code console/dist}: index.html, the bundled app with hls.js):
     * what the local host serves at / and the CDK stack uploads to the console bucket. Empty when not built.
     */
    public java.util.Optional<Path> console() {
        Path dist = repository.resolve("console").resolve("dist");
        return Files.isRegularFile(dist.resolve("index.html")) && Files.isRegularFile(dist.resolve("app.js"))
                ? java.util.Optional.of(dist) : java.util.Optional.empty();
    }

    /** The artifact of a function; fails with what to run when the build has not made it. */
    public Path of(FunctionSpec function) {
        Path target = repository.resolve(function.module()).resolve("target");
        List<Path> found;
        try (Stream<Path> files = Files.list(target)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            found = List.of();
        }
        if (found.size() != 1) {
            throw new IllegalStateException((found.isEmpty() ? "no" : "more than one") + " deployable artifact (*" + SUFFIX + ") in "
                    + target + ": build the functions first (./mvnw -DskipTests package)");
        }
        return found.get(0);
    }
}
