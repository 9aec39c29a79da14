package dev.assetflow.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines follow the embedded metric format, so CloudWatch turns them into the dashboard's metrics. */
class PipelineMetricsTest {

    @Test
    void aSettledFailureYieldsARecordAFailureAndALatency() throws Exception {
        List<String> lines = new ArrayList<>();
        new PipelineMetrics("ingest", lines::add, Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC))
                .record("Settled", "CORRUPT_MEDIA", 1234L);

        assertThat(lines).hasSize(3);
        JsonNode records = Json.mapper().readTree(lines.get(0));
        assertThat(records.at("/_aws/Timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        JsonNode directive = records.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo("Assetflow");
        assertThat(directive.at("/Dimensions/0").toString()).isEqualTo("[\"Stage\",\"Outcome\"]");
        assertThat(directive.at("/Dimensions/1").toString()).as("the stage's total, for alarms").isEqualTo("[\"Stage\"]");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("Records");
        assertThat(records.path("Stage").asText()).isEqualTo("ingest");
        assertThat(records.path("Outcome").asText()).isEqualTo("Settled");
        assertThat(records.path("Records").asInt()).isEqualTo(1);

        JsonNode failures = Json.mapper().readTree(lines.get(1));
        assertThat(failures.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString()).isEqualTo("[\"Stage\",\"Category\"]");
        assertThat(failures.at("/_aws/CloudWatchMetrics/0/Dimensions/1").toString()).isEqualTo("[\"Stage\"]");
        assertThat(failures.path("Category").asText()).isEqualTo("CORRUPT_MEDIA");

        JsonNode latency = Json.mapper().readTree(lines.get(2));
        assertThat(latency.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Milliseconds");
        assertThat(latency.path("LatencyMs").asLong()).isEqualTo(1234);
    }

    @Test
    void aSuccessHasNoFailureLine() {
        List<String> lines = new ArrayList<>();
        new PipelineMetrics("image-worker", lines::add, Clock.systemUTC()).record("Done", null, null);
        assertThat(lines).hasSize(1);
    }
}
