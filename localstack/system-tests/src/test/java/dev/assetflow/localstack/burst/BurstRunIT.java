package dev.assetflow.localstack.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The burst, smaller than {@code scripts/burst}'s 500 so that every build runs it: its own local stack,
 * 100 clients at once (10 of them in parts), every asset followed to READY, the events checked. Figures
 * are printed, not asserted: speed is the command's business, behaviour the test's.
 */
class BurstRunIT {

    @Test
    void aHundredUploadsAtOnceAllBecomeReadyOnceEach() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = BurstRun.run(BurstSettings.parse("--count", "100", "--wait-minutes", "8"), new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("Burst: 100 uploads, 100 clients at once, 10 of them in parts",
                "checks: 100 uploads, 0 refused or failed, 101 READY, 0 lost", "Nothing lost, nothing done twice, every upload READY.");
        assertThat(report).containsPattern("confirmation, POST /uploads → URL or plan, 100 clients at once: p50 \\d+ ms")
                .containsPattern("moto server \\(the embedded AWS, one process\\) +\\d+\\.\\d s")
                .containsPattern("function upload-api +\\d+\\.\\d s");
    }

    @Test
    void settingsAreReadFromTheCommandLineAndWrongOnesSaid() {
        BurstSettings settings = BurstSettings.parse("--count", "200", "--multipart-share", "0.25");
        assertThat(settings.concurrency()).isEqualTo(200);
        assertThat(settings.multipartUploads()).isEqualTo(50);
        assertThatThrownBy(() -> BurstSettings.parse("--count")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BurstSettings.parse("--size", "3")).hasMessageContaining("unknown option --size");
        assertThatThrownBy(() -> BurstSettings.parse("--multipart-share", "2")).hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> BurstSettings.parse("--multipart-mib", "10")).hasMessageContaining("over 16 MiB");
        assertThat(BurstSettings.parse("--multipart-mib", "40").multipartMib()).isEqualTo(40);
    }
}
