package dev.assetflow.localstack.lambda;

import dev.assetflow.localstack.runtime.LocalFunction;
import dev.assetflow.topology.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function run the way Lambda runs it: from its deployable artifact (unpacked once, as Lambda unpacks
 * a .zip into /var/task), each execution environment a JVM under the runtime interface client, warm
 * environments reused, cold ones started on demand (at most as many as run at once), and START, END and
 * REPORT lines in the function's log for every invocation.
 */
public final class ArtifactFunction implements LocalFunction {
    private final Deployment deployment;
    private final Path home;
    private final ConcurrentLinkedQueue<ExecutionEnvironment> warm = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ExecutionEnvironment> all = new ConcurrentLinkedQueue<>();
    private final Set<ExecutionEnvironment> busy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger environments = new AtomicInteger();
    private volatile String arn;

    private ArtifactFunction(Deployment deployment, Path home) {
        this.deployment = deployment;
        this.home = home;
        this.arn = "arn:aws:lambda:" + deployment.region() + ":123456789012:function:" + deployment.name();
    }

    /**
     * @param artifact the function's deployable artifact (the file {@code cdk deploy} uploads)
     * @param workRoot where task roots, /tmp directories and logs of this host go
     */
    public static ArtifactFunction deploy(String name, FunctionSpec spec, Map<String, String> environment, Path artifact,
            Path workRoot, String region) {
        Path home = workRoot.toAbsolutePath().resolve(name); // the process runs in its task root: every path it gets is absolute
        Path taskRoot = unpack(artifact, home.resolve("task"));
        Path log = workRoot.toAbsolutePath().resolve("logs").resolve(name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log); // one log per host run, as a fresh log stream
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int storage = spec.ephemeralStorageMb() == null ? Deployment.DEFAULT_EPHEMERAL_STORAGE_MB : spec.ephemeralStorageMb();
        return new ArtifactFunction(new Deployment(name, spec.handler(), spec.memoryMb(), spec.timeoutSeconds(), storage, region,
                environment, taskRoot, log, ManagedRuntimes.local()), home);
    }

    @Override
    public String name() {
        return deployment.name();
    }

    @Override
    public Map<String, String> environment() {
        return deployment.environment();
    }

    @Override
    public void registeredAs(String functionArn) {
        this.arn = functionArn;
    }

    /** The function's log: its own output and the platform's START, END and REPORT lines. */
    public Path log() {
        return deployment.log();
    }

    /** Ends the environments in an invocation now (a crash from outside); returns how many. */
    public int endBusyEnvironments(String why) {
        List<ExecutionEnvironment> ending = List.copyOf(busy);
        ending.forEach(environment -> environment.end(why));
        return ending.size();
    }

    /** Execution environments started so far (cold starts). */
    public int coldStarts() {
        return environments.get();
    }

    @Override
    public String invoke(String eventJson) {
        return invoke(eventJson, java.util.Optional.empty());
    }

    /** Lambda-Runtime-Trace-Id of the invocation: {@code traceHeader}'s root and sampling, or a new trace. */
    @Override
    public String invoke(String eventJson, java.util.Optional<String> traceHeader) {
        ExecutionEnvironment environment = warm.poll();
        while (environment != null && !environment.alive()) {
            discard(environment);
            environment = warm.poll();
        }
        if (environment == null) {
            environment = ExecutionEnvironment.start(deployment, home.resolve("env-" + environments.incrementAndGet()),
                    UUID.randomUUID().toString().replace("-", ""));
            all.add(environment);
        }
        String requestId = UUID.randomUUID().toString();
        String trace = ExecutionEnvironment.traceFor(traceHeader);
        platformLine("START RequestId: " + requestId + " Version: $LATEST");
        busy.add(environment);
        ExecutionEnvironment.Result result;
        try {
            result = environment.invoke(requestId, eventJson, arn, Duration.ofSeconds(deployment.timeoutSeconds()), trace);
        } finally {
            busy.remove(environment);
        }
        platformLine("END RequestId: " + requestId);
        platformLine(report(requestId, result, trace));
        if (environment.alive()) {
            warm.add(environment);
        } else {
            discard(environment);
        }
        return switch (result) {
            case ExecutionEnvironment.Result.Response response -> response.body().isEmpty() ? null : response.body();
            case ExecutionEnvironment.Result.Failed failed -> throw new FunctionError(failed.errorType(), failed.message());
        };
    }

    /**
     * Lambda's REPORT line (https://docs.aws.amazon.com/lambda/latest/dg/java-logging.html). Billed by the
     * millisecond, the init phase included (Lambda bills on-demand inits since August 2025:
     * https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/).
     */
    private String report(String requestId, ExecutionEnvironment.Result result, String trace) {
        ExecutionEnvironment.Stats stats = result.stats();
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(stats.durationMs()).append(".00 ms")
                .append("\tBilled Duration: ").append(Math.max(1, stats.durationMs()) + (stats.initDurationMs() == null ? 0 : stats.initDurationMs()))
                .append(" ms")
                .append("\tMemory Size: ").append(deployment.memoryMb()).append(" MB")
                .append("\tMax Memory Used: ").append(stats.maxMemoryMb()).append(" MB");
        if (stats.initDurationMs() != null) {
            line.append("\tInit Duration: ").append(stats.initDurationMs()).append(".00 ms");
        }
        // as Lambda writes it for a traced function: one grep of a trace id finds every invocation on its path
        line.append("\tXRAY TraceId: ").append(trace.split(";")[0].replace("Root=", ""));
        if (result instanceof ExecutionEnvironment.Result.Failed failed && !failed.errorType().equals("Unhandled")) {
            line.append("\tStatus: ").append(failed.errorType().equals("Sandbox.Timedout") ? "timeout" : "error")
                    .append("\tError Type: ").append(failed.errorType());
        }
        return line.toString();
    }

    private void platformLine(String line) {
        try {
            Files.writeString(deployment.log(), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discard(ExecutionEnvironment environment) {
        all.remove(environment);
        environment.close();
    }

    @Override
    public void close() {
        all.forEach(ExecutionEnvironment::close);
        all.clear();
        warm.clear();
        Directories.delete(home); // the unpacked artifact and the environments' directories; the log stays
    }

    /** Unpacks the artifact once per host, as Lambda unpacks a .zip into /var/task. */
    private static Path unpack(Path artifact, Path taskRoot) {
        try {
            Directories.delete(taskRoot);
            Files.createDirectories(taskRoot);
            try (ZipFile zip = new ZipFile(artifact.toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    Path target = taskRoot.resolve(entry.getName()).normalize();
                    if (!target.startsWith(taskRoot)) {
                        throw new IllegalStateException("artifact entry outside its root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return taskRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + artifact, e);
        }
    }
}
