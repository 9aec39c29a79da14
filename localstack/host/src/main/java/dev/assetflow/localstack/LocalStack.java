package dev.assetflow.localstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.localstack.embedded.MotoServer;
import dev.assetflow.localstack.embedded.Venv;
import dev.assetflow.localstack.provision.ProvisionedResources;
import dev.assetflow.localstack.provision.Provisioner;
import dev.assetflow.localstack.runtime.FunctionHost;
import dev.assetflow.localstack.provision.LambdaRegistrations;
import dev.assetflow.localstack.runtime.MappingState;
import dev.assetflow.localstack.runtime.HttpApiServer;
import dev.assetflow.localstack.runtime.ScheduleRule;
import dev.assetflow.localstack.runtime.SqsEventSourceMapping;
import dev.assetflow.topology.FunctionEnvironment;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.ResourceNames;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The whole pipeline on one machine: an embedded AWS (the moto server, or the endpoint in
 * AWS_ENDPOINT_URL), every resource of the topology, every function behind its event source
 * mappings, and the HTTP API. The functions are the same classes Lambda runs.
 */
public final class LocalStack implements AutoCloseable {
    static final String REGION = "us-east-1";

    private final Topology topology;
    private final Optional<MotoServer> moto;
    private final URI endpoint;
    private final AwsClients clients;
    private final AwsClients functionClients;
    private final ProvisionedResources resources;
    private final Map<String, FunctionHost<?, ?>> functions = new HashMap<>();
    private final List<SqsEventSourceMapping> mappings = new ArrayList<>();
    private final List<ScheduleRule> schedules = new ArrayList<>();
    private final HttpApiServer api;
    private final Options options;
    private final IamClient iam;
    private final LambdaRegistrations registrations;

    /**
     * @param prefix           resource name prefix; every run may use its own, so runs never see each other's data
     * @param externalEndpoint an AWS emulator that is already running (LocalStack, another moto); when
     *                         present nothing is started. Defaults to {@code AWS_ENDPOINT_URL}.
     */
    public record Options(String prefix, int httpPort, Path logDirectory, Optional<URI> externalEndpoint,
            Optional<Duration> scheduleRate, List<ExecutionInterceptor> functionInterceptors,
            Optional<Duration> visibilityTimeoutCap) {
        public Options {
            functionInterceptors = List.copyOf(functionInterceptors);
        }

        public static Options defaults() {
            return new Options("af-" + UUID.randomUUID().toString().substring(0, 8), 0, Path.of("target"),
                    Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank()).map(URI::create),
                    Optional.of(Duration.ofSeconds(10)), List.of(), Optional.empty());
        }

        public Options withPrefix(String newPrefix) {
            return new Options(newPrefix, httpPort, logDirectory, externalEndpoint, scheduleRate, functionInterceptors,
                    visibilityTimeoutCap);
        }

        public Options withExternalEndpoint(URI endpoint) {
            return new Options(prefix, httpPort, logDirectory, Optional.of(endpoint), scheduleRate, functionInterceptors,
                    visibilityTimeoutCap);
        }

        /**
         * Scheduled functions run every {@code rate} here rather than at the topology's rate (minutes,
         * longer than a local run); none run by themselves with {@link #withoutSchedules()}, for tests
         * that invoke them at the moment they choose ({@link LocalStack#runScheduled}).
         */
        public Options withScheduleRate(Duration rate) {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, Optional.of(rate), functionInterceptors,
                    visibilityTimeoutCap);
        }

        public Options withoutSchedules() {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, Optional.empty(), functionInterceptors,
                    visibilityTimeoutCap);
        }

        /** The functions' AWS clients (not the stack's own) run these interceptors: fault injection. */
        public Options withFunctionInterceptors(List<ExecutionInterceptor> interceptors) {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate, interceptors,
                    visibilityTimeoutCap);
        }

        /**
         * No queue hides a received message longer than {@code cap}: a crashed invocation's batch comes
         * back in seconds instead of the topology's minutes. Only for runs whose jobs take less than the cap.
         */
        public Options withVisibilityTimeoutCap(Duration cap) {
            return new Options(prefix, httpPort, logDirectory, externalEndpoint, scheduleRate, functionInterceptors,
                    Optional.of(cap));
        }
    }

    private LocalStack(Options options) {
        this.options = options;
        this.topology = options.visibilityTimeoutCap().map(TopologyLoader.load()::withVisibilityTimeoutCap)
                .orElseGet(TopologyLoader::load);
        Venv venv = Venv.locate();
        this.moto = options.externalEndpoint().isPresent() ? Optional.empty()
                : Optional.of(MotoServer.start(venv, options.logDirectory().resolve("moto-server.log")));
        this.endpoint = moto.map(MotoServer::endpoint).orElseGet(() -> options.externalEndpoint().orElseThrow());
        this.clients = new AwsClients(ClientSettings.forEmulator(endpoint, REGION));
        this.functionClients = options.functionInterceptors().isEmpty() ? clients
                : new AwsClients(clients.settings().withInterceptors(options.functionInterceptors()));
        this.resources = new Provisioner(clients).provision(topology, new ResourceNames(options.prefix()),
                Map.of("ffmpeg", venv.tool("ffmpeg").toString(), "ffprobe", venv.tool("ffprobe").toString()));
        this.iam = clients.configure(IamClient.builder()).build();
        this.registrations = new LambdaRegistrations(clients.lambda(), clients.sqs(), iam, options.prefix() + "-functions");
        this.api = new HttpApiServer(options.httpPort());
        topology.functions().forEach(this::deploy);
        api.start();
    }

    public static LocalStack start(Options options) {
        return new LocalStack(options);
    }

    @SuppressWarnings("unchecked")
    private void deploy(String name, FunctionSpec spec) {
        Map<String, String> environment = new HashMap<>(FunctionEnvironment.of(topology, name, resources));
        environment.put("AWS_REGION", REGION); // Lambda sets it for every function
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("METRICS_SINK", "log"); // embedded-metric-format lines into the log file, not the console
        FunctionHost<Object, Object> host = new FunctionHost<>(name, spec, functionClients, environment);
        functions.put(name, host);
        for (FunctionSpec.HttpRoute route : spec.http()) {
            api.route(route, (FunctionHost<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) (FunctionHost<?, ?>) host);
        }
        if (spec.schedule() != null && options.scheduleRate().isPresent()) {
            schedules.add(new ScheduleRule((FunctionHost<ScheduledEvent, Object>) (FunctionHost<?, ?>) host,
                    scheduleRuleArn(name), REGION, options.scheduleRate().get()));
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
                    consumer, (FunctionHost<SQSEvent, SQSBatchResponse>) (FunctionHost<?, ?>) host,
                    new MappingState(clients.lambda(), mapping)).start());
        }
    }

    /** Invokes a scheduled function now, with the event its schedule rule sends; returns what it returned. */
    @SuppressWarnings("unchecked")
    public Object runScheduled(String function) {
        if (topology.function(function).schedule() == null) {
            throw new IllegalArgumentException("function " + function + " has no schedule");
        }
        return ((FunctionHost<ScheduledEvent, Object>) functions.get(function))
                .invoke(ScheduleRule.event(scheduleRuleArn(function), REGION));
    }

    private String scheduleRuleArn(String function) {
        return "arn:aws:events:" + REGION + ":123456789012:rule/" + options.prefix() + "-" + function + "-schedule";
    }

    public Topology topology() {
        return topology;
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
        FunctionHost<?, ?> host = functions.get(function);
        if (host == null) {
            throw new IllegalArgumentException("no function " + function);
        }
        return host.environment();
    }

    @Override
    public void close() {
        schedules.forEach(ScheduleRule::close);
        mappings.forEach(SqsEventSourceMapping::close);
        api.close();
        if (functionClients != clients) {
            functionClients.close();
        }
        iam.close();
        clients.close();
        moto.ifPresent(MotoServer::close);
    }
}
