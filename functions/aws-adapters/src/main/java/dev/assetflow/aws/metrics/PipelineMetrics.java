package dev.assetflow.aws.metrics;

import static dev.assetflow.topology.MetricsContract.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.metrics.StageMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's custom metrics in CloudWatch's embedded metric format
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * one JSON line per measurement. On Lambda the line goes to stdout, where CloudWatch Logs extracts
 * the metrics; in the local stack it goes to the log file. Names come from {@code MetricsContract}.
 */
public final class PipelineMetrics implements StageMetrics {
    private static final Logger LOG = LoggerFactory.getLogger("metrics");

    private final String stage;
    private final Consumer<String> sink;
    private final Clock clock;

    public PipelineMetrics(String stage, Consumer<String> sink, Clock clock) {
        this.stage = stage;
        this.sink = sink;
        this.clock = clock;
    }

    /** {@code METRICS_SINK=log} (set by the local stack) logs the lines; anything else prints them for CloudWatch. */
    public static PipelineMetrics forStage(String stage, Map<String, String> environment) {
        Consumer<String> sink = "log".equals(environment.get("METRICS_SINK")) ? LOG::info : System.out::println;
        return new PipelineMetrics(stage, sink, Clock.systemUTC());
    }

    /** One handled record: its outcome, its failure category if any, and its time since it was enqueued. */
    @Override
    public void record(String outcome, String failureCategory, Long latencyMs) {
        ObjectNode records = document(RECORDS, "Count", OUTCOME);
        records.put(OUTCOME, outcome);
        records.put(RECORDS, 1);
        sink.accept(records.toString());
        if (failureCategory != null) {
            ObjectNode failures = document(FAILURES, "Count", CATEGORY);
            failures.put(CATEGORY, failureCategory);
            failures.put(FAILURES, 1);
            sink.accept(failures.toString());
        }
        if (latencyMs != null && latencyMs >= 0) {
            ObjectNode latency = document(LATENCY, "Milliseconds", null);
            latency.put(LATENCY, latencyMs);
            sink.accept(latency.toString());
        }
    }

    /** The stage's circuit breaker moved to {@code state}. */
    @Override
    public void breakerTransition(String state) {
        ObjectNode transition = document(BREAKER_TRANSITIONS, "Count", BREAKER_STATE);
        transition.put(BREAKER_STATE, state);
        transition.put(BREAKER_TRANSITIONS, 1);
        sink.accept(transition.toString());
    }

    /** A new version of a configuration document was refused: the last good one keeps serving (an alarm watches this). */
    public void configRejected(String document) {
        ObjectNode rejected = document(CONFIG_REJECTED, "Count", CONFIG_DOCUMENT);
        // and by document alone, across stages: one alarm per document sees a refusal wherever it happens
        ((ArrayNode) rejected.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions")).addArray().add(CONFIG_DOCUMENT);
        rejected.put(CONFIG_DOCUMENT, document);
        rejected.put(CONFIG_REJECTED, 1);
        sink.accept(rejected.toString());
    }

    private ObjectNode document(String metric, String unit, String extraDimension) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSets = directive.putArray("Dimensions");
        if (extraDimension != null) {
            dimensionSets.addArray().add(STAGE).add(extraDimension);
        }
        // the stage's total as well, which alarms read (an alarm cannot sum over a dimension's values)
        dimensionSets.addArray().add(STAGE);
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", unit);
        root.put(STAGE, stage);
        return root;
    }
}
