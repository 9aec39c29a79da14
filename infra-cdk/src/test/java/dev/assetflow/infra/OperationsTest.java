package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assetflow.topology.MetricsContract;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;

/** The dashboard shows what operators need; every alarm pages the ops topic and says what to check. */
class OperationsTest {
    private final Topology topology = TopologyLoader.load();

    @Test
    void theDashboardCoversQueuesDlqsPipelineMetricsAndFunctions() throws Exception {
        template().resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = new ObjectMapper().writeValueAsString(Stack.of(SynthesizedStack.STACK).resolve(
                properties(resources("AWS::CloudWatch::Dashboard").values().iterator().next()).get("DashboardBody")));
        assertThat(body).contains("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                "Dead-letter queue depth", MetricsContract.NAMESPACE, MetricsContract.RECORDS, MetricsContract.LATENCY,
                MetricsContract.FAILURES, "p50", "p95", "p99", "Errors", "Throttles", "Duration");
    }

    @Test
    void alarmsCoverEveryDlqQueueAgeErrorRateThrottlesAndRecordFailureRate() {
        long dlqs = topology.queues().values().stream().filter(q -> q.hasDeadLetterQueue()).count();
        long aged = topology.queues().values().stream().filter(q -> q.oldestMessageAlarmSeconds() != null).count();
        int functions = topology.functions().size();
        Map<String, Map<String, Object>> alarms = resources("AWS::CloudWatch::Alarm");
        long breakers = topology.breakerSteps().size();
        long consumingStages = topology.queueConsumers().size();
        assertThat(topology.breakerSteps()).containsExactly("audio-worker", "document-worker", "image-worker", "ingest",
                "mediaconvert-completion", "mediaconvert-submitter", "video-chunk-worker", "video-worker");
        long configDocuments = topology.parameters().size();
        assertThat(alarms).hasSize((int) (dlqs + aged + 2L * functions + breakers + consumingStages + configDocuments));
        assertThat(alarms.keySet()).anyMatch(id -> id.contains("VideoWorkerCircuitOpen"));
        alarms.values().forEach(alarm -> {
            Map<String, Object> props = properties(alarm);
            assertThat((String) props.get("AlarmDescription")).contains("First check");
            assertThat(props.get("AlarmActions")).asList().hasSize(1);
            assertThat(props.get("TreatMissingData")).isEqualTo("notBreaching");
        });
        assertThat(alarms.values().stream().map(TemplateQueries::properties)
                .filter(p -> p.toString().contains("ApproximateAgeOfOldestMessage") && p.get("Threshold").equals(60)
                        && p.get("EvaluationPeriods").equals(3)))
                .as("the critical queue's age alarm").hasSize(1);
        template().hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Threshold", 2, "EvaluationPeriods", 5, "DatapointsToAlarm", 5,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", "IF(invocations > 0, 100 * errors / invocations, 0)")))))));
        template().hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "Endpoint", "ops@example.com", "TopicArn", Match.anyValue()));
    }
}
