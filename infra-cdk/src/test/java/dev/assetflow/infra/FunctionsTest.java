package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Every function of the topology: runtime, sizing, SnapStart, environment, event sources. */
class FunctionsTest {
    private final Topology topology = TopologyLoader.load();

    @Test
    void everyTopologyFunctionRunsJava21WithItsSizingAndSnapStart() {
        assertThat(pipelineFunctions()).hasSize(topology.functions().size());
        topology.functions().forEach((name, spec) -> {
            Map<String, Object> props = properties(pipelineFunctions().get(functionId(spec.handler())));
            assertThat(props).containsEntry("MemorySize", spec.memoryMb()).containsEntry("Timeout", spec.timeoutSeconds());
            if (spec.ephemeralStorageMb() == null) {
                assertThat(props).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            } else {
                assertThat(props).as(name + ": SnapStart allows no more than 512 MiB of /tmp").doesNotContainKey("SnapStart")
                        .containsEntry("EphemeralStorage", Map.of("Size", spec.ephemeralStorageMb()));
            }
            assertThat(props.get("Environment").toString()).as(name + " environment")
                    .contains(spec.environment().keySet());
            assertThat(props).containsKey("LoggingConfig");
            assertThat(props).as(name + ": active tracing").containsEntry("TracingConfig", Map.of("Mode", "Active"));
        });
        template().resourceCountIs("AWS::Lambda::Alias", topology.functions().size());
        template().hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)));
    }

    @Test
    void functionsThatRunFfmpegRunOnX86WithTheLayerAndTheOthersOnArm() {
        for (String handler : List.of("dev.assetflow.imageworker.ImageWorkerHandler", "dev.assetflow.videoworker.VideoWorkerHandler",
                "dev.assetflow.videochunkworker.VideoChunkWorkerHandler", "dev.assetflow.audioworker.AudioWorkerHandler", "dev.assetflow.ingest.IngestHandler")) {
            Map<String, Object> props = properties(pipelineFunctions().get(functionId(handler)));
            assertThat(props).as(handler).containsEntry("Architectures", List.of("x86_64"))
                    .containsEntry("Layers", List.of(SynthesizedStack.FFMPEG_LAYER));
            assertThat(props.get("Environment").toString()).contains("FFMPEG_PATH=/opt/bin/ffmpeg", "FFPROBE_PATH=/opt/bin/ffprobe");
        }
        for (String handler : List.of("dev.assetflow.uploadapi.UploadApiHandler", "dev.assetflow.documentworker.DocumentWorkerHandler")) {
            Map<String, Object> props = properties(pipelineFunctions().get(functionId(handler)));
            assertThat(props).as(handler).containsEntry("Architectures", List.of("arm64")).doesNotContainKey("Layers");
        }
    }

    @Test
    void everyConsumedQueueFeedsItsFunctionAliasWithPartialBatchResponses() {
        long consumed = topology.queues().values().stream().filter(q -> q.consumer() != null).count();
        template().resourceCountIs("AWS::Lambda::EventSourceMapping", (int) consumed);
        topology.queues().forEach((name, queue) -> {
            if (queue.consumer() != null) {
                template().hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                        "BatchSize", queue.consumer().batchSize(),
                        "ScalingConfig", Map.of("MaximumConcurrency", queue.consumer().maxConcurrency()),
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"))));
            }
        });
        resources("AWS::Lambda::EventSourceMapping").values().forEach(mapping ->
                assertThat(properties(mapping).get("FunctionName").toString()).as("event sources invoke the SnapStart alias")
                        .contains(":live"));
    }

    @Test
    void dlqTriageRunsEveryMinuteOnItsAliasAndMayReadEveryDeadLetterQueue() {
        long scheduled = topology.functions().values().stream().filter(f -> f.schedule() != null).count();
        template().resourceCountIs("AWS::Events::Rule", (int) scheduled + topology.eventRules().size());
        assertThat(resources("AWS::Events::Rule").values().stream().map(TemplateQueries::properties)
                .filter(p -> "rate(1 minute)".equals(p.get("ScheduleExpression")) && "ENABLED".equals(p.get("State")))
                .map(p -> p.get("Targets").toString()))
                .anyMatch(targets -> targets.contains("DlqTriageLive"))
                .anyMatch(targets -> targets.contains("BreakerProbeLive"));
        String triagePolicy = policies().entrySet().stream()
                .filter(e -> e.getKey().startsWith("FunctionsDlqTriage") || e.getKey().contains("DlqTriage"))
                .map(e -> properties(e.getValue()).toString()).findFirst().orElseThrow();
        assertThat(triagePolicy).contains("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility")
                .doesNotContain("sqs:SendMessage", "sqs:PurgeQueue");
        topology.queues().forEach((name, queue) -> {
            if (queue.hasDeadLetterQueue()) {
                assertThat(triagePolicy).as("the grant names the DLQ of " + name).contains(Names.pascal(name) + "Dlq");
            }
        });
        // what scripts/redrive needs on AWS
        String outputs = template().toJSON().get("Outputs").toString();
        assertThat(outputs).contains("DeadLetterQueueUrls", "FailuresTable", "AssetsTable", "WorkQueueUrls",
                "OperationsEventsQueueUrl");
        topology.queues().forEach((name, queue) -> {
            if (queue.hasDeadLetterQueue()) {
                assertThat(outputs).as("the DLQ of " + name + " is listed").contains(Names.pascal(name) + "Dlq");
            }
        });
    }

    @Test
    void consumedQueuesHideMessagesForAtLeastSixFunctionTimeouts() {
        for (QueueSpec queue : topology.queues().values()) {
            if (queue.consumer() != null) {
                FunctionSpec function = topology.function(queue.consumer().function());
                assertThat(queue.visibilityTimeoutSeconds()).isGreaterThanOrEqualTo(6 * function.timeoutSeconds());
                template().hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                        "VisibilityTimeout", queue.visibilityTimeoutSeconds())));
            }
        }
    }
}
