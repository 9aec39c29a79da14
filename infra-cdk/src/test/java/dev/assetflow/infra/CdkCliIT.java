package dev.assetflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assetflow.topology.DeployableArtifacts;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code cdk synth} with the pinned CDK CLI from npm, exactly as the README's deploy guide runs it
 * (./scripts/cdk installs the CLI; so does ./scripts/test): the CLI can read what this aws-cdk-lib
 * synthesizes, and cdk-nag errors would fail it.
 */
class CdkCliIT {

    @Test
    void theCdkCliSynthesizesTheApp() throws IOException, InterruptedException {
        Path cdk = Path.of("node_modules/.bin/cdk");
        assertThat(cdk).as("the CDK CLI is installed into infra-cdk/node_modules by ./scripts/test and ./scripts/cdk").isExecutable();
        Path out = Path.of("target/cdk.out.cli");
        Path log = Files.createTempFile("cdk-synth", ".log");
        Process synth = new ProcessBuilder(List.of(cdk.toString(), "synth", "--quiet", "--output", out.toString(),
                // the layer's region: the CLI would otherwise synthesize for its default region, where this layer is not
                "-c", "ffmpegLayerArn=" + SynthesizedStack.FFMPEG_LAYER, "-c", "region=eu-west-1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(synth.waitFor(300, TimeUnit.SECONDS)).as("cdk synth finished within 5 minutes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(synth.exitValue()).as("cdk synth output:%n%s", output).isZero();

        JsonNode template = new ObjectMapper().readTree(out.resolve("Assetflow.template.json").toFile());
        List<Path> assets;
        try (var files = Files.list(out)) {
            assets = files.filter(p -> p.getFileName().toString().matches("asset\\..*\\.zip")).toList();
        }
        Topology topology = TopologyLoader.load();
        for (FunctionSpec function : topology.functions().values()) {
            Path artifact = DeployableArtifacts.locate().of(function);
            assertThat(assets).as("cdk.out packages " + artifact.getFileName() + " byte for byte, the file the local host runs")
                    .anyMatch(asset -> sameBytes(asset, artifact));
        }
        assertThat(template.path("Resources").size()).isGreaterThan(50);
        assertThat(template.path("Outputs").has("ApiUrl")).isTrue();
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }
}
