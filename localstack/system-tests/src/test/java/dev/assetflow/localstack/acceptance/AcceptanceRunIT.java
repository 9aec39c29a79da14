package dev.assetflow.localstack.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The acceptance run, smaller than {@code scripts/acceptance}'s 200 uploads so that every build runs
 * it: its own local stack, 10 % of the functions' AWS calls failing, two worker deaths, duplicate S3
 * events and poison messages, and every check of the full run.
 */
class AcceptanceRunIT {

    @Test
    void nothingIsLostOrDoneTwiceUnderInjectedFaults() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AcceptanceRun.run(AcceptanceRun.Settings.parse("--assets", "40", "--videos", "3", "--seed", "7",
                "--wait-minutes", "5"), new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(exit).as(table).isZero();
        assertThat(table).contains("good assets READY", "No asset lost, none processed twice")
                .doesNotContainPattern("\\d+ +\\d+ +MISMATCH");
        assertThat(table).containsPattern("faults injected: [1-9][0-9]* of");
    }

    @Test
    void settingsAreReadFromTheCommandLine() {
        AcceptanceRun.Settings settings = AcceptanceRun.Settings.parse("--assets", "300", "--fault-rate", "0.2", "--seed", "9");
        assertThat(settings.assets()).isEqualTo(300);
        assertThat(settings.faultRate()).isEqualTo(0.2);
        assertThat(settings.seed()).isEqualTo(9);
        assertThat(settings.videos()).isEqualTo(12);
    }
}
