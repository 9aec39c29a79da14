package dev.assetflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module graph as the README's layout draws it: each module imports only from the modules of the
 * layers below it, function modules never from each other, and no two packages import each other,
 * directly or round a cycle.
 */
class LayersTest {
    /** Lowest first; a module may import from its own layer's shared modules only where listed. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("topology", "functions/domain"),
            Set.of("functions/media", "functions/aws-adapters"),
            Set.of("functions/function-runtime", "functions/test-fixtures"),
            Set.of("functions/rendition-worker"),
            Set.of("functions/upload-api", "functions/ingest", "functions/image-worker", "functions/video-worker", "functions/video-chunk-worker",
                    "functions/mediaconvert-submitter", "functions/mediaconvert-completion",
                    "functions/audio-worker", "functions/document-worker", "functions/dlq-triage", "functions/breaker-probe",
                    "functions/asset-control", "functions/asset-erasure", "functions/ops-api", "functions/backfill",
                    "functions/webhook-delivery"),
            Set.of("ops", "uploader", "infra-cdk", "localstack/host", "localstack/client"),
            Set.of("localstack/demo", "localstack/acceptance", "bench"));
    /** Within one layer, these imports are allowed (module → modules). */
    private static final Map<String, Set<String>> SAME_LAYER = Map.of(
            "functions/aws-adapters", Set.of("topology", "functions/domain"),
            "functions/media", Set.of("functions/domain"),
            "functions/test-fixtures", Set.of("functions/media"),
            "functions/function-runtime", Set.of(),
            "localstack/host", Set.of(),
            "localstack/client", Set.of("uploader"), // the tests' client is the uploader's calls in short form
            "ops", Set.of());

    private final SourceTree tree = SourceTree.mainSources();

    @Test
    void everyModuleImportsOnlyFromTheLayersBelowIt() {
        Map<String, String> moduleOfPackage = new HashMap<>();
        tree.files().forEach(f -> moduleOfPackage.put(f.pkg(), f.module()));
        List<String> violations = new ArrayList<>();
        for (SourceTree.SourceFile file : tree.files()) {
            int layer = layerOf(file.module());
            for (String imported : file.imports()) {
                String target = moduleOf(imported, moduleOfPackage);
                if (target == null || target.equals(file.module())) {
                    continue;
                }
                int targetLayer = layerOf(target);
                boolean allowed = targetLayer < layer
                        || targetLayer == layer && SAME_LAYER.getOrDefault(file.module(), Set.of()).contains(target);
                if (!allowed) {
                    violations.add(file.module() + " → " + target + " (" + file.path().getFileName() + " imports " + imported + ")");
                }
            }
        }
        assertThat(violations).as("imports against the layers").isEmpty();
    }

    @Test
    void everyModuleWithMainSourcesHasALayer() {
        Set<String> modules = new TreeSet<>();
        tree.files().forEach(f -> modules.add(f.module()));
        assertThat(modules).allSatisfy(m -> assertThat(layerOf(m)).as(m).isNotNegative());
    }

    @Test
    void noPackagesImportEachOtherRoundACycle() {
        Set<String> packages = new HashSet<>();
        tree.files().forEach(f -> packages.add(f.pkg()));
        Map<String, Set<String>> graph = new HashMap<>();
        for (SourceTree.SourceFile file : tree.files()) {
            for (String imported : file.imports()) {
                String target = packageOf(imported, packages);
                if (target != null && !target.equals(file.pkg())) {
                    graph.computeIfAbsent(file.pkg(), k -> new TreeSet<>()).add(target);
                }
            }
        }
        assertThat(Cycles.of(graph)).as("package cycles").isEmpty();
    }

    private static int layerOf(String module) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(module)) {
                return i;
            }
        }
        return -1;
    }

    private static String moduleOf(String imported, Map<String, String> moduleOfPackage) {
        for (String candidate = imported; candidate.contains("."); candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            if (moduleOfPackage.containsKey(candidate)) {
                return moduleOfPackage.get(candidate);
            }
        }
        return null;
    }

    private static String packageOf(String imported, Set<String> packages) {
        for (String candidate = imported; candidate.contains("."); candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            if (packages.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
