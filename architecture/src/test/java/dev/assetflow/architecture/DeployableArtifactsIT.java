package dev.assetflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.topology.DeployableArtifacts;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code cdk deploy} uploads and the local host runs, checked after the build made it: Lambda's zip
 * layout with the handler at the root and every dependency under lib/, nothing from tests or samples,
 * no signature files, no class twice. Prints each artifact's size.
 */
class DeployableArtifactsIT {
    private static final Topology TOPOLOGY = TopologyLoader.load();
    private static final DeployableArtifacts ARTIFACTS = new DeployableArtifacts(SourceTree.repository());
    private static final List<String> SIZES = new ArrayList<>();

    static List<String> functions() {
        return TOPOLOGY.functions().keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theArtifactHoldsTheHandlerAndItsDependenciesAndNothingElse(String function) throws IOException {
        FunctionSpec spec = TOPOLOGY.function(function);
        Path artifact = ARTIFACTS.of(spec);
        Map<String, String> classes = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        int jars = 0;
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    jars++;
                    String jar = name.substring(4);
                    if (jar.startsWith("junit") || jar.startsWith("assertj") || jar.startsWith("test-fixtures")
                            || jar.startsWith("aws-lambda-java-tests") || jar.startsWith("aws-lambda-java-runtime-interface-client")) {
                        forbidden.add(name);
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        collectClasses(new ZipInputStream(in), jar, classes, duplicates);
                    }
                } else if (name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")) {
                    forbidden.add(name);
                } else if (name.endsWith(".class")) {
                    if (name.endsWith("Test.class") || name.endsWith("IT.class") || name.contains("/fixtures/")) {
                        forbidden.add(name);
                    }
                    record(name, "(root)", classes, duplicates);
                }
            }
        }
        SIZES.add(String.format("%-16s %6.1f MB  %3d jars  %s", function, Files.size(artifact) / 1_048_576.0, jars,
                SourceTree.repository().relativize(artifact)));
        assertThat(classes).as(function + ": the handler at the root").containsKey(spec.handler().replace('.', '/') + ".class");
        assertThat(classes).as(function + ": the AWS SDK core in lib/").containsKey("software/amazon/awssdk/core/SdkClient.class");
        assertThat(forbidden).as(function + ": test, sample, runtime-provided or signature files").isEmpty();
        assertThat(duplicates).as(function + ": classes found twice").isEmpty();
    }

    @AfterAll
    static void printSizes() {
        System.out.println("Deployable artifacts (Lambda .zip layout):");
        SIZES.forEach(line -> System.out.println("  " + line));
    }

    private static void collectClasses(ZipInputStream jar, String source, Map<String, String> classes, List<String> duplicates)
            throws IOException {
        for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                record(name, source, classes, duplicates);
            }
        }
    }

    private static void record(String name, String source, Map<String, String> classes, List<String> duplicates) {
        String earlier = classes.putIfAbsent(name, source);
        if (earlier != null) {
            duplicates.add(name + " in " + earlier + " and " + source);
        }
    }
}
