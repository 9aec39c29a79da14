package dev.assetflow.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.localstack.runtime.LocalFunction;
import dev.assetflow.topology.FunctionSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda host on functions that misbehave, each packaged as a real artifact (Lambda's zip layout)
 * and run under the runtime interface client: what Lambda does, the host does.
 */
class LambdaHostIT {
    private static final Path WORK = Path.of("target", "lambda-host-it");
    private static Path artifact;

    @BeforeAll
    static void packageTheProbe(@TempDir Path dir) throws IOException {
        artifact = dir.resolve("probe-lambda.zip");
        Path classes = Path.of("target", "test-classes");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(artifact))) {
            for (String name : List.of("ProbeHandler.class", "FailingInitHandler.class")) {
                String entry = "dev/assetflow/localstack/lambda/" + name;
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(Files.readAllBytes(classes.resolve(entry)));
                zip.closeEntry();
            }
        }
    }

    private static ArtifactFunction deploy(String name, String handler, int memoryMb, int timeoutSeconds, Integer tmpMb) {
        FunctionSpec spec = new FunctionSpec("dev.assetflow.localstack.lambda." + handler, "test", memoryMb, timeoutSeconds, tmpMb,
                List.of(), null, Map.of());
        return ArtifactFunction.deploy(name, spec, Map.of("GREETING", "hello"), artifact, WORK, "us-east-1");
    }

    @Test
    void aFunctionGetsItsEnvironmentContextAndPrivateTmpAndStaysWarm() throws IOException {
        try (ArtifactFunction probe = deploy("probe-env", "ProbeHandler", 256, 10, null)) {
            assertThat(probe.invoke("{\"action\":\"env\",\"name\":\"GREETING\"}"))
                    .matches("\"hello\\|/.*/probe-env/env-1/tmp\\|256\\|probe-env\\|true\"");
            assertThat(probe.invoke("{\"action\":\"env\",\"name\":\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\"}")).startsWith("\"256|");
            assertThat(probe.invoke("{\"action\":\"env\",\"name\":\"_HANDLER\"}"))
                    .startsWith("\"dev.assetflow.localstack.lambda.ProbeHandler::handleRequest|");
            String first = probe.invoke("{}");
            assertThat(probe.invoke("{}")).as("a warm environment is reused").isEqualTo(first);
            assertThat(probe.coldStarts()).isEqualTo(1);
            List<String> log = Files.readAllLines(probe.log());
            assertThat(log).filteredOn(line -> line.startsWith("REPORT RequestId: ")).hasSize(5)
                    .allMatch(line -> line.contains("\tDuration: ") && line.contains("\tBilled Duration: ")
                            && line.contains("\tMemory Size: 256 MB") && line.contains("\tMax Memory Used: "));
            assertThat(log).filteredOn(line -> line.contains("Init Duration: ")).as("only the cold start reports its init").hasSize(1);
        }
    }

    @Test
    void anInvocationPastItsTimeoutIsEndedAndItsEnvironmentReplaced() throws IOException {
        try (ArtifactFunction probe = deploy("probe-timeout", "ProbeHandler", 256, 2, null)) {
            String before = probe.invoke("{}");
            assertThatThrownBy(() -> probe.invoke("{\"action\":\"sleep\",\"seconds\":\"30\"}"))
                    .isInstanceOfSatisfying(LocalFunction.FunctionError.class,
                            e -> assertThat(e.errorType()).isEqualTo("Sandbox.Timedout"))
                    .hasMessageContaining("Task timed out after 2.00 seconds");
            assertThat(probe.invoke("{}")).as("a new environment, a new process").isNotEqualTo(before);
            assertThat(probe.coldStarts()).isEqualTo(2);
            assertThat(Files.readAllLines(probe.log())).anyMatch(line -> line.startsWith("REPORT") && line.contains("Status: timeout"));
        }
    }

    @Test
    void anInitThatThrowsIsAnInitErrorAndIsTriedAgainOnTheNextInvocation() {
        try (ArtifactFunction broken = deploy("probe-init", "FailingInitHandler", 256, 10, null)) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThatThrownBy(() -> broken.invoke("{}"))
                        .isInstanceOfSatisfying(LocalFunction.FunctionError.class,
                                e -> assertThat(e.errorType()).startsWith("Runtime."))
                        .hasMessageContaining("ASSETS_TABLE is not set");
                assertThat(broken.coldStarts()).isEqualTo(attempt);
            }
        }
    }

    @Test
    void anArtifactThatLacksTheHandlerClassFailsItsInitNamingTheClass() {
        try (ArtifactFunction missing = deploy("probe-missing", "NotInTheArtifact", 256, 10, null)) {
            assertThatThrownBy(() -> missing.invoke("{}"))
                    .isInstanceOfSatisfying(LocalFunction.FunctionError.class,
                            e -> assertThat(e.errorType()).isEqualTo("Runtime.BadFunctionCode"))
                    .hasMessageContaining("NotInTheArtifact");
            assertThat(missing.coldStarts()).isEqualTo(1);
        }
    }

    @Test
    void tmpHoldsNoMoreThanTheFunctionsEphemeralStorage() {
        try (ArtifactFunction probe = deploy("probe-tmp", "ProbeHandler", 256, 20, 8)) {
            String answer;
            try {
                answer = probe.invoke("{\"action\":\"fill-tmp\",\"mb\":\"16\"}");
            } catch (LocalFunction.FunctionError e) {
                answer = e.getMessage(); // where no tmpfs can be mounted, the host ends the environment instead
            }
            assertThat(answer).containsAnyOf("No space left on device", "/tmp outgrew its 8 MB");
            assertThat(probe.invoke("{\"action\":\"fill-tmp\",\"mb\":\"4\"}")).contains("wrote 4 MB");
        }
    }

    @Test
    void processesUsingMoreThanTheFunctionsMemoryEndTheEnvironment() {
        try (ArtifactFunction probe = deploy("probe-memory", "ProbeHandler", 192, 30, null)) {
            assertThatThrownBy(() -> probe.invoke("{\"action\":\"child-memory\",\"mb\":\"400\"}"))
                    .isInstanceOfSatisfying(LocalFunction.FunctionError.class,
                            e -> assertThat(e.errorType()).isEqualTo("Runtime.OutOfMemory"))
                    .hasMessageContaining("of its 192 MB");
            assertThat(probe.invoke("{}")).startsWith("\"pid ");
            assertThat(probe.coldStarts()).isEqualTo(2);
        }
    }
}
