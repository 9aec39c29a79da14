package dev.assetflow.infra;

import static dev.assetflow.topology.MetricsContract.*;

import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The dashboard operators watch and the alarms that page them, through the ops topic. Every alarm's
 * description says what it means and what to check first.
 */
final class Operations extends Construct {
    private static final Duration MINUTE = Duration.minutes(1);

    private final Topic opsTopic;
    private final Dashboard dashboard;
    private final SnsAction page;
    private final List<Alarm> alarms = new ArrayList<>();

    Operations(Construct scope, Topology topology, Messaging messaging, Map<String, Function> functions, DeploySettings settings) {
        super(scope, "Operations");
        opsTopic = Topic.Builder.create(this, "OpsTopic").masterKey(messaging.topicKey()).enforceSsl(true).build();
        // enforceSsl leaves the topic's policy with a Deny only: CloudWatch alarms need an Allow to publish
        // (https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html), for this account's alarms only
        opsTopic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsOfThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(opsTopic.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
        settings.alarmEmail().ifPresent(email -> opsTopic.addSubscription(new EmailSubscription(email)));
        page = new SnsAction(opsTopic);
        dashboard = Dashboard.Builder.create(this, "Dashboard").build();
        dashboard.addWidgets(TextWidget.Builder.create().width(24).height(2).markdown("# Assetflow\n"
                + "Queues (depth, oldest message), dead-letter queues, throughput and errors by category, "
                + "latency per stage, functions. Alarms go to the ops topic.").build());
        queueWidgets(topology, messaging);
        pipelineWidgets(functions);
        functionWidgets(functions);
        queueAlarms(topology, messaging);
        functions.forEach(this::functionAlarms);
        recordFailureAlarms(topology);
        breakerAlarms(topology);
        configAlarms(topology);
    }

    /** A configuration version some function refused: the last good one keeps serving, but nobody meant that. */
    private void configAlarms(Topology topology) {
        topology.parameters().keySet().stream().sorted().forEach(document -> alarm(Names.pascal(document) + "VersionRefused",
                custom(CONFIG_REJECTED, Map.of(CONFIG_DOCUMENT, document), "Sum", document + " refused"), 1, 1,
                "A new version of the " + document + " parameter failed validation in a function, which keeps serving the "
                        + "last good version. First check: the ERROR line 'a new version of " + document + "' in the "
                        + "functions' log groups lists every problem; publish a fixed version with scripts/config push, or "
                        + "scripts/config rollback VERSION (versions written around scripts/config are not validated)."));
    }

    /** Every step with a circuit breaker: a widget of its transitions, and a page when it opens. */
    private void breakerAlarms(Topology topology) {
        List<IMetric> transitions = new ArrayList<>();
        topology.breakerSteps().forEach(name -> {
            IMetric opened = custom(BREAKER_TRANSITIONS, Map.of(STAGE, name, BREAKER_STATE, "OPEN"), "Sum", name + " opened");
            transitions.add(opened);
            transitions.add(custom(BREAKER_TRANSITIONS, Map.of(STAGE, name, BREAKER_STATE, "CLOSED"), "Sum", name + " closed"));
            alarm(Names.pascal(name) + "CircuitOpen", opened, 1, 1, "The circuit breaker of " + name + " opened: most of its "
                    + "recent work failed for reasons of its dependencies, so it stopped pulling work (its event source "
                    + "mappings are disabled) until breaker-probe lets a probe batch through. First check: the WARN line "
                    + "'circuit breaker of " + name + "' in its log group (it says what failed), then the errors-by-category "
                    + "widget and the AWS Health Dashboard for S3, SQS, SNS and DynamoDB.");
        });
        dashboard.addWidgets(graph("Circuit breakers (transitions per minute)", transitions, 24));
    }

    private void queueWidgets(Topology topology, Messaging messaging) {
        List<IMetric> depth = new ArrayList<>();
        List<IMetric> age = new ArrayList<>();
        List<IMetric> dlqDepth = new ArrayList<>();
        topology.queues().keySet().stream().sorted().forEach(logical -> {
            Queue queue = messaging.queue(logical);
            depth.add(queue.metricApproximateNumberOfMessagesVisible(options("Maximum", logical)));
            age.add(queue.metricApproximateAgeOfOldestMessage(options("Maximum", logical)));
            messaging.deadLetterQueue(logical).ifPresent(dlq ->
                    dlqDepth.add(dlq.metricApproximateNumberOfMessagesVisible(options("Maximum", logical + " DLQ"))));
        });
        dashboard.addWidgets(graph("Queue depth (visible messages)", depth, 8),
                graph("Age of oldest message (s)", age, 8),
                graph("Dead-letter queue depth", dlqDepth, 8));
    }

    private void pipelineWidgets(Map<String, Function> functions) {
        List<IMetric> throughput = new ArrayList<>();
        List<IMetric> latency = new ArrayList<>();
        functions.keySet().stream().sorted().forEach(stage -> {
            throughput.add(custom(RECORDS, Map.of(STAGE, stage, OUTCOME, "Done"), "Sum", stage + " done"));
            throughput.add(custom(RECORDS, Map.of(STAGE, stage, OUTCOME, "Duplicate"), "Sum", stage + " duplicate"));
            for (String percentile : List.of("p50", "p95", "p99")) {
                latency.add(custom(LATENCY, Map.of(STAGE, stage), percentile, stage + " " + percentile));
            }
        });
        IMetric errorsByCategory = MathExpression.Builder.create()
                .expression("SEARCH('{" + NAMESPACE + "," + STAGE + "," + CATEGORY + "} MetricName=\"" + FAILURES + "\"', 'Sum', 60)")
                .label("")
                .period(MINUTE)
                .build();
        dashboard.addWidgets(graph("Throughput (records per minute)", throughput, 8),
                graph("Errors by category", List.of(errorsByCategory), 8),
                graph("Latency per stage (ms from queue to done)", latency, 8));
    }

    private void functionWidgets(Map<String, Function> functions) {
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> throttles = new ArrayList<>();
        List<IMetric> duration = new ArrayList<>();
        functions.keySet().stream().sorted().forEach(name -> {
            Function function = functions.get(name);
            errors.add(function.metricErrors(options("Sum", name)));
            throttles.add(function.metricThrottles(options("Sum", name)));
            duration.add(function.metricDuration(options("p95", name + " p95")));
        });
        dashboard.addWidgets(graph("Function errors", errors, 8), graph("Function throttles", throttles, 8),
                graph("Function duration p95 (ms)", duration, 8));
    }

    private void queueAlarms(Topology topology, Messaging messaging) {
        topology.queues().forEach((logical, spec) -> {
            messaging.deadLetterQueue(logical).ifPresent(dlq -> alarm(Names.pascal(logical) + "DlqNotEmpty",
                    dlq.metricApproximateNumberOfMessagesVisible(options("Maximum", logical + " DLQ")), 1, 1,
                    "Messages from " + logical + " failed " + spec.maxReceiveCount() + " times and wait in its dead-letter "
                            + "queue; dlq-triage has failed their assets and recorded why. First check: scripts/redrive "
                            + "--list (messages grouped by failure category) and, for their assetId, the function's logs. "
                            + "Fix the cause, then redrive them (scripts/redrive --category ... or --all)."));
            if (spec.oldestMessageAlarmSeconds() != null) {
                alarm(Names.pascal(logical) + "OldestMessageAge",
                        messaging.queue(logical).metricApproximateAgeOfOldestMessage(options("Maximum", logical)),
                        spec.oldestMessageAlarmSeconds(), 3,
                        "Work on " + logical + " has waited over " + spec.oldestMessageAlarmSeconds() + " s for 3 minutes. "
                                + describeConsumer(spec));
            }
        });
    }

    private static String describeConsumer(QueueSpec spec) {
        return spec.consumer() == null ? "First check: no function consumes this queue, so what is sent to it waits "
                + "until something does."
                : "First check: " + spec.consumer().function() + " errors and throttles on this dashboard, then whether its "
                        + "maximum concurrency (" + spec.consumer().maxConcurrency() + ") is enough for the arrival rate.";
    }

    /**
     * What the pipeline itself counts: records settled or retried with a failure, over records handled, per
     * stage. A batch whose records fail one by one is a successful invocation, so the function error
     * rate alone never sees it.
     */
    private void recordFailureAlarms(Topology topology) {
        topology.queueConsumers().forEach(stage -> {
            MathExpression failureRate = MathExpression.Builder.create()
                    .expression("IF(records > 0, 100 * failures / records, 0)")
                    .usingMetrics(Map.of(
                            "failures", custom(FAILURES, Map.of(STAGE, stage), "Sum", "failed records"),
                            "records", custom(RECORDS, Map.of(STAGE, stage), "Sum", "records")))
                    .label(stage + " records failed (%)")
                    .period(MINUTE)
                    .build();
            alarm(Names.pascal(stage) + "RecordFailureRate", failureRate, 2, 5,
                    stage + ": over 2 % of the records it handled failed (settled with a failure or sent back for a "
                            + "retry) for 5 minutes. First check: the Failures metric by Category on this dashboard; "
                            + "TRANSIENT and CONFIGURATION point at a dependency or a permission, input categories "
                            + "(CORRUPT_MEDIA, TYPE_MISMATCH, ...) at what clients upload.");
        });
    }

    private void functionAlarms(String name, Function function) {
        MathExpression errorRate = MathExpression.Builder.create()
                .expression("IF(invocations > 0, 100 * errors / invocations, 0)")
                .usingMetrics(Map.of("errors", function.metricErrors(options("Sum", "errors")),
                        "invocations", function.metricInvocations(options("Sum", "invocations"))))
                .label(name + " error rate (%)")
                .period(MINUTE)
                .build();
        alarm(Names.pascal(name) + "ErrorRate", errorRate, 2, 5,
                name + " failed more than 2 % of its invocations for 5 minutes (whole invocations, not settled records). "
                        + "First check: its log group for ERROR lines; INTERNAL failures are bugs, CONFIGURATION ones are "
                        + "missing resources or permissions.");
        alarm(Names.pascal(name) + "Throttles", function.metricThrottles(MetricOptions.builder().statistic("Sum")
                        .period(Duration.minutes(5)).build()), 1, 1,
                name + " was throttled. First check: the account's concurrent executions limit and other functions' "
                        + "reserved concurrency; queue maximum concurrency should keep it below the limit.");
    }

    private void alarm(String id, IMetric metric, double threshold, int periods, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(page);
        alarms.add(alarm);
    }

    private static MetricOptions options(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).period(MINUTE).label(label).build();
    }

    private static Metric custom(String name, Map<String, String> dimensions, String statistic, String label) {
        return Metric.Builder.create().namespace(NAMESPACE).metricName(name).dimensionsMap(dimensions)
                .statistic(statistic).period(MINUTE).label(label).build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics, int width) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(width).height(6).build();
    }

    Topic opsTopic() {
        return opsTopic;
    }

    Dashboard dashboard() {
        return dashboard;
    }

    List<Alarm> alarms() {
        return List.copyOf(alarms);
    }
}
