package dev.assetflow.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoTableTest {

    @Test
    void sizesAreWrittenInTheUnitAReaderExpects() {
        assertThat(DemoTable.bytes(812)).isEqualTo("812 B");
        assertThat(DemoTable.bytes(48_213)).isEqualTo("47.1 KB");
        assertThat(DemoTable.bytes(3_456_789)).isEqualTo("3.3 MB");
        assertThat(DemoTable.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
    }

    @Test
    void everyTerminalStateButReadyHasTheEventThatAnnouncesIt() {
        assertThat(DemoChecks.terminalEventType("FAILED")).isEqualTo("asset.failed");
        assertThat(DemoChecks.terminalEventType("QUARANTINED")).isEqualTo("asset.quarantined");
        assertThat(DemoChecks.terminalEventType("PARTIAL")).isEqualTo("asset.partial");
        assertThat(DemoChecks.terminalEventType("READY")).isNull();
    }
}
