package dev.assetflow.localstack;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.localstack.embedded.MotoServer;
import dev.assetflow.localstack.embedded.PresignedUrlGate;
import dev.assetflow.localstack.embedded.Venv;
import dev.assetflow.localstack.provision.ProvisionedResources;
import dev.assetflow.localstack.provision.Provisioner;
import dev.assetflow.localstack.lambda.ArtifactFunction;
import dev.assetflow.localstack.runtime.LocalFunction;
import dev.assetflow.localstack.provision.LambdaRegistrations;
import dev.assetflow.localstack.runtime.MappingState;
import dev.assetflow.localstack.runtime.ConsoleSite;
import dev.assetflow.localstack.runtime.HttpApiServer;
import dev.assetflow.localstack.runtime.ScheduleRule;
import dev.assetflow.localstack.runtime.SqsEventSourceMapping;
import dev.assetflow.localstack.mediaconvert.MediaConvertStandIn;
import dev.assetflow.topology.DeployableArtifacts;
import dev.assetflow.topology.EnvValue;
import dev.assetflow.topology.FunctionEnvironment;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.ResourceNames;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import dev.assetflow.topology.WebhookSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The whole pipeline on one machine: an embedded AWS (the moto server, or the endpoint in
 * AWS_ENDPOINT_URL), every resource of the topology, every function behind its event source
 * mappings, and the HTTP API. The functions run from the artifacts {@code cdk deploy} uploads, under the
 * Lambda runtime interface client (see {@link ArtifactFunction}).
 */
public final class LocalStack implements AutoCloseable {
    static final String REGION = "us-east-1";

    private final Topology topology;
    private final Optional<MotoServer> moto;
    private final URI endpoint;
    private final AwsClients clients;
    private final ProvisionedResources resources;
    private final Map<String, LocalFunction> functions = new HashMap<>();
    private final List<SqsEventSourceMapping> mappings = new ArrayList<>();
    private final List<ScheduleRule> schedules = new ArrayList<>();
    private final HttpApiServer api;
    private final Options options;
    private final IamClient iam;
    private final LambdaRegistrations registrations;
    private final DeployableArtifacts artifacts;
    private final URI functionEndpoint;
    private final MediaConvertStandIn mediaConvert;
    private final PresignedUrlGate urlGate;

    /**
     * @param prefix           resource name prefix; every run may use its own, so runs never see each other's data
     * @param externalEndpoint an AWS emulator that is already running (LocalStack, another moto); when
     *                         present nothing is started. Defaults to {@code AWS_ENDPOINT_URL}.
     */
    public record Options(String prefix, int httpPort, Path logDirectory, Optional<URI> externalEndpoint,
            Optional<Duration> scheduleRate,
            Optional<Duration> visibilityTimeoutCap, UnaryOperator<URI> functionEndpoint,
            Map<String, Map<String, String>> environmentOverrides, Map<String, String> configDocuments,
            Map<String, WebhookSpec> webhooks) {

        public static Options defaults() {
            return new Options("af-" + UUID.randomUUID().toString().substring(0, 8), 0, Path.of("target"),
                    Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank()).map(URI::create),
                    Optional.of(Duration.ofSeconds(10)), Optional.empty(), UnaryOperator.identity(), Map.of(), Map.of(), Map.of());
        }

        public Options withPrefix(String newPrefix) {
            return new Options(newPrefix, httpPort, logDirectory, externalEndpoint, scheduleRate,
                    visibilityTimeoutCap, functionEndpoint, environmentOverrides, configDocuments, webhooks);
        }

        public Options withExternalEndpoint(URI endpoint) {
            return new Options(prefix, httpPort, logDirectory, Optional.of(endpoint), scheduleRate,
                    visibilityTimeoutCap, functionEndpoint, environmentOverrides, configDocuments, webhooks);
        }

        /**
         * Scheduled functions run every {@code rate} here rather than at the topology's rate (minutes,
         * longer than a local run); none run by themselves with {@link #withoutSchedules()}, for tests
         * that invoke them at the moment they choose ({@link LocalStack#runScheduled}).
         */
        public Options withScheduleRate(Duration rate) {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, Optional.of(rate),
                    visibilityTimeoutCap, functionEndpoint, environmentOverrides, configDocuments, webhooks);
        }

        public Options withoutSchedules() {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, Optional.empty(),
                    visibilityTimeoutCap, functionEndpoint, environmentOverrides, configDocuments, webhooks);
        }

        /**
         * No queue hides a received message longer than {@code cap}: a crashed invocation's batch comes
         * back in seconds instead of the topology's minutes. Only for runs whose jobs take less than the cap.
         */
        public Options withVisibilityTimeoutCap(Duration cap) {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate,
                    Optional.of(cap), functionEndpoint, environmentOverrides, configDocuments, webhooks);
        }

        /**
         * The AWS endpoint the functions (from their artifacts) call, given the emulator's: e.g. a proxy in
         * between that injects faults. The stack's own clients keep calling the emulator.
         */
        public Options withFunctionEndpoint(UnaryOperator<URI> endpoint) {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate,
                    visibilityTimeoutCap, endpoint, environmentOverrides, configDocuments, webhooks);
        }

        /**
         * {@code variables} set in {@code function}'s environment over the topology's: a deployment's own
         * tuning (smaller video chunks, other routing rules), as an operator would set it on the function.
         */
        public Options withEnvironment(String function, Map<String, String> variables) {
            Map<String, Map<String, String>> overrides = new HashMap<>(environmentOverrides);
            overrides.merge(function, Map.copyOf(variables), (a, b) -> {
                Map<String, String> merged = new HashMap<>(a);
                merged.putAll(b);
                return Map.copyOf(merged);
            });
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate, visibilityTimeoutCap,
                    functionEndpoint, Map.copyOf(overrides), configDocuments, webhooks);
        }

        /**
         * The first version of a configuration document ({@code routing-rules}, {@code profiles}) as this
         * stack's SSM parameter, instead of {@code config/}'s: a deployment's own rules, published as an
         * operator would with {@code scripts/config push}.
         */
        public Options withConfigDocument(String logical, String text) {
            Map<String, String> documents = new HashMap<>(configDocuments);
            documents.put(logical, text);
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate, visibilityTimeoutCap,
                    functionEndpoint, environmentOverrides, Map.copyOf(documents), webhooks);
        }

        /**
         * A webhook subscriber in this stack's topology, as an operator adds one under {@code webhooks} in topology.json:
         * its queue, subscription, secret and delivery function are provisioned like every other.
         */
        public Options withWebhook(String name, WebhookSpec webhook) {
            Map<String, WebhookSpec> all = new HashMap<>(webhooks);
            all.put(name, webhook);
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate, visibilityTimeoutCap,
                    functionEndpoint, environmentOverrides, configDocuments, Map.copyOf(all));
        }
    }

    private LocalStack(Options options) {
        this.options = options;
        Topology defined = TopologyLoader.load();
        for (Map.Entry<String, WebhookSpec> webhook : options.webhooks().entrySet()) {
            defined = defined.withWebhook(webhook.getKey(), webhook.getValue());
        }
        this.topology = options.visibilityTimeoutCap().map(defined::withVisibilityTimeoutCap).orElse(defined);
        Venv venv = Venv.locate();
        this.moto = options.externalEndpoint().isPresent() ? Optional.empty()
                : Optional.of(MotoServer.start(venv, options.logDirectory().resolve("moto-server.log")));
        this.endpoint = moto.map(MotoServer::endpoint).orElseGet(() -> options.externalEndpoint().orElseThrow());
        this.clients = new AwsClients(ClientSettings.forEmulator(endpoint, REGION));
        this.resources = new Provisioner(clients).provision(topology, new ResourceNames(options.prefix()),
                Map.of("ffmpeg", venv.tool("ffmpeg").toString(), "ffprobe", venv.tool("ffprobe").toString()),
                options.configDocuments());
        this.iam = clients.configure(IamClient.builder()).build();
        this.registrations = new LambdaRegistrations(clients.lambda(), clients.sqs(), iam, options.prefix() + "-functions");
        this.api = new HttpApiServer(options.httpPort());
        this.artifacts = DeployableArtifacts.locate();
        this.functionEndpoint = options.functionEndpoint().apply(endpoint);
        this.urlGate = new PresignedUrlGate(functionEndpoint);
        this.mediaConvert = new MediaConvertStandIn(REGION, resources.mediaConvertRoleArn(),
                EnvValue.MEDIA_CONVERT_PRIORITIES.stream().map(resources::mediaConvertQueueArn).collect(Collectors.toSet()),
                clients.s3(), clients.presigner(), clients.eventBridge(), venv.tool("ffmpeg"), venv.tool("ffprobe"));
        topology.functions().forEach(this::deploy);
        api.site(new ConsoleSite(artifacts.console(), clients.s3(), resources.bucketName("renditions")));
        api.start();
    }

    public static LocalStack start(Options options) {
        return new LocalStack(options);
    }

    private void deploy(String name, FunctionSpec spec) {
        Map<String, String> environment = new HashMap<>(FunctionEnvironment.of(topology, name, resources));
        environment.put("AWS_REGION", REGION); // Lambda sets it for every function
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("METRICS_SINK", "log"); // embedded-metric-format lines into the log file, not the console
        environment.put("AWS_ENDPOINT_URL", functionEndpoint.toString()); // the emulator stands in for AWS's endpoints
        environment.put("AWS_ENDPOINT_URL_MEDIACONVERT", mediaConvert.endpoint().toString()); // the emulator has no MediaConvert
        if (!spec.http().isEmpty()) { // the API presigns the URLs clients use: through the gate, they expire as on S3
            environment.put("AWS_ENDPOINT_URL", urlGate.endpoint().toString());
        }
        environment.putAll(options.environmentOverrides().getOrDefault(name, Map.of()));
        LocalFunction host = ArtifactFunction.deploy(name, spec, environment, artifacts.of(spec), lambdaRoot(), REGION);
        functions.put(name, host);
        for (FunctionSpec.HttpRoute route : spec.http()) {
            api.route(route, host);
        }
        if (spec.schedule() != null && options.scheduleRate().isPresent()) {
            schedules.add(new ScheduleRule(host, scheduleRuleArn(name), REGION, options.scheduleRate().get()));
        }
        String functionArn = null;
        for (Map.Entry<String, QueueSpec> queue : topology.queues().entrySet()) {
            QueueSpec.ConsumerSpec consumer = queue.getValue().consumer();
            if (consumer == null || !consumer.function().equals(name)) {
                continue;
            }
            if (functionArn == null) {
                functionArn = registrations.function(resources.names().of(name), spec.handler());
                host.registeredAs(functionArn);
            }
            String queueArn = resources.queueArn(queue.getKey());
            String mapping = registrations.eventSourceMapping(functionArn, resources.queueName(queue.getKey()), consumer);
            mappings.add(new SqsEventSourceMapping(clients.sqs(), resources.queueUrl(queue.getKey()), queueArn, REGION,
                    consumer, host,
                    new MappingState(clients.lambda(), mapping)).start());
        }
    }

    /** Invokes a scheduled function now, with the event its schedule rule sends; returns its response as JSON. */
    public String runScheduled(String function) {
        if (topology.function(function).schedule() == null) {
            throw new IllegalArgumentException("function " + function + " has no schedule");
        }
        return functions.get(function).invoke(ScheduleRule.event(scheduleRuleArn(function), REGION));
    }

    /**
     * Ends the execution environments of a function that are in an invocation now, as Lambda ends one that
     * crashes: their invocations fail, an SQS batch comes back after its visibility timeout.
     * @return how many were ended (none in the in-process mode)
     */
    public int endBusyEnvironments(String function, String why) {
        return function(function) instanceof ArtifactFunction artifact ? artifact.endBusyEnvironments(why) : 0;
    }

    /**
     * Where this stack's Lambda host keeps its task roots, /tmp directories and logs: one folder per stack
     * (its prefix), so two stacks in one module never share them.
     */
    public Path lambdaRoot() {
        return options.logDirectory().resolve("lambda").resolve(options.prefix()).toAbsolutePath();
    }

    /** The log of a function: its own lines and Lambda's START, END and REPORT lines. */
    public Path functionLog(String function) {
        return lambdaRoot().resolve("logs").resolve(function + ".log");
    }

    /** A deployed function, as its triggers invoke it. */
    public LocalFunction function(String name) {
        LocalFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("no function " + name);
        }
        return function;
    }

    private String scheduleRuleArn(String function) {
        return "arn:aws:events:" + REGION + ":123456789012:rule/" + options.prefix() + "-" + function + "-schedule";
    }

    public Topology topology() {
        return topology;
    }

    /** The local MediaConvert stand-in the functions' MediaConvert client calls, and its fault switches for tests. */
    public MediaConvertStandIn mediaConvert() {
        return mediaConvert;
    }

    /** The proxy that makes the API's presigned URLs expire (the emulator does not), and its clock for tests. */
    public PresignedUrlGate urlGate() {
        return urlGate;
    }

    /** Where the AWS APIs are served: the embedded moto server, or the external endpoint. */
    public URI awsEndpoint() {
        return endpoint;
    }

    /** Whether this stack started (and will stop) its own moto server. */
    public boolean embedded() {
        return moto.isPresent();
    }

    public AwsClients clients() {
        return clients;
    }

    public ProvisionedResources resources() {
        return resources;
    }

    /** The local HTTP API, e.g. {@code http://127.0.0.1:PORT}; {@code POST /uploads} etc. hang off it. */
    public URI apiEndpoint() {
        return api.endpoint();
    }

    /** The environment a function runs with here, built from the topology exactly as infra-cdk builds it. */
    public Map<String, String> environmentOf(String function) {
        return function(function).environment();
    }

    @Override
    public void close() {
        schedules.forEach(ScheduleRule::close);
        mappings.forEach(SqsEventSourceMapping::close);
        api.close();
        mediaConvert.close();
        urlGate.close();
        functions.values().forEach(LocalFunction::close);
        iam.close();
        clients.close();
        moto.ifPresent(MotoServer::close);
    }
}
