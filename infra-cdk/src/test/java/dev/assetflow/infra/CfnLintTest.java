package dev.assetflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** cfn-lint (pinned in localstack/requirements.txt, installed into .venv) finds no error in the synthesized template. */
class CfnLintTest {

    @Test
    void theSynthesizedTemplateHasNoCfnLintErrors() throws IOException, InterruptedException {
        CloudAssembly assembly = SynthesizedStack.APP.synth();
        Path template = Path.of(assembly.getStackByName(SynthesizedStack.STACK.getStackName()).getTemplateFullPath());
        Path cfnLint = venv().resolve("bin/cfn-lint");
        assertThat(cfnLint).as("cfn-lint is installed into .venv by ./scripts/test").isExecutable();

        Path report = Files.createTempFile("cfn-lint", ".txt");
        Process lint = new ProcessBuilder(List.of(cfnLint.toString(), "--format", "parseable", template.toString()))
                .redirectErrorStream(true).redirectOutput(report.toFile()).start();
        assertThat(lint.waitFor(300, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        String findings = Files.readString(report, StandardCharsets.UTF_8);

        // cfn-lint's exit code is a bit mask: 2 = errors, 4 = warnings, 8 = informational
        assertThat(lint.exitValue() & 2).as("cfn-lint errors:%n%s", findings).isZero();
        assertThat(lint.exitValue() & 1).as("cfn-lint failed to run:%n%s", findings).isZero();
    }

    private static Path venv() {
        String venv = System.getenv("ASSETFLOW_VENV");
        return Path.of(venv == null ? "../.venv" : venv);
    }
}
