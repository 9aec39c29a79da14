package dev.assetflow.bench;

import dev.assetflow.localstack.LocalStack;
import dev.assetflow.localstack.lambda.ArtifactFunction;
import dev.assetflow.localstack.runtime.InProcessHandlers;
import dev.assetflow.localstack.runtime.LocalFunction;
import dev.assetflow.localstack.runtime.ScheduleRule;
import dev.assetflow.topology.DeployableArtifacts;
import dev.assetflow.topology.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Cold starts of every function as the local Lambda host runs them (the deployable artifact in a new
 * JVM under the runtime interface client), read from the REPORT lines of their logs: init duration,
 * first and warm invocation. Baseline of the same run: the same handler built in this JVM (in-process
 * mode), where the JVM and the AWS SDK are already loaded, and an empty handler's cold start under the same host.
 * Usage: ColdStartBenchmark [cold starts per function, default 5]
 */
public final class ColdStartBenchmark {
    private static final Pattern DURATION = Pattern.compile("\tDuration: (\\d+)\\.");
    private static final Pattern INIT = Pattern.compile("\tInit Duration: (\\d+)\\.");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Path.of("target", "bench-cold-start");
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withoutSchedules())) {
            DeployableArtifacts artifacts = DeployableArtifacts.locate();
            System.out.printf("Cold starts under the local Lambda host, %d per function (JVM %s, %d cores)%n%n", runs,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.printf("%-16s %8s %11s %9s %12s %11s %13s %8s%n", "function", "artifact", "init median", "init max",
                    "first invoke", "warm invoke", "in-process", "ratio");
            Path empty = emptyArtifact(work);
            FunctionSpec emptySpec = new FunctionSpec(EmptyHandler.class.getName(), "bench", 1024, 30, null, List.of(), null, Map.of());
            Row baseline = measure(runs, "(empty)", emptySpec, Map.of(), empty, "{}", work);
            System.out.printf("%-16s %5.1f MB %8d ms %6d ms %9d ms %8d ms %13s %8s%n", "(empty handler)", Files.size(empty) / 1_048_576.0,
                    baseline.initMedian(), baseline.initMax(), baseline.firstMedian(), baseline.warmMedian(), "-", "-");
            for (String name : stack.topology().functions().keySet().stream().sorted().toList()) {
                FunctionSpec spec = stack.topology().function(name);
                Row row = measure(runs, name, spec, stack.environmentOf(name), artifacts.of(spec), sampleEvent(stack, name, spec), work);
                long inProcess = inProcessInitMs(stack, name, spec);
                System.out.printf("%-16s %5.1f MB %8d ms %6d ms %9d ms %8d ms %10d ms %7.1fx%n", name,
                        Files.size(artifacts.of(spec)) / 1_048_576.0, row.initMedian(), row.initMax(), row.firstMedian(),
                        row.warmMedian(), inProcess, row.initMedian() / (double) Math.max(1, baseline.initMedian()));
            }
            System.out.println();
            System.out.println("init: REPORT Init Duration (JVM start to the runtime's first request for work); first/warm invoke:"
                    + " REPORT Duration of the first and second invocation; in-process: the handler's constructor in this JVM,"
                    + " where the JVM and the SDK are already loaded; ratio: init median / the empty handler's init median"
                    + " (the baseline: the JVM and the runtime interface client alone, measured in the same run).");
        }
    }

    private record Row(long initMedian, long initMax, long firstMedian, long warmMedian) {}

    private static Row measure(int runs, String name, FunctionSpec spec, Map<String, String> environment, Path artifact, String event,
            Path work) throws IOException {
        List<Long> inits = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        List<Long> warms = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (ArtifactFunction function = ArtifactFunction.deploy(name.replaceAll("\\W", "") + "-" + run, spec, environment,
                    artifact, work, "us-east-1")) {
                invokeQuietly(function, event);
                invokeQuietly(function, event);
                List<String> reports = Files.readAllLines(function.log()).stream().filter(l -> l.startsWith("REPORT")).toList();
                inits.add(number(INIT, reports.get(0)));
                firsts.add(number(DURATION, reports.get(0)));
                warms.add(number(DURATION, reports.get(1)));
            }
        }
        return new Row(median(inits), inits.stream().mapToLong(Long::longValue).max().orElse(0), median(firsts), median(warms));
    }

    /** The empty handler alone, in Lambda's zip layout. */
    private static Path emptyArtifact(Path work) throws IOException {
        Files.createDirectories(work);
        Path zip = work.resolve("empty-lambda.zip");
        String entry = EmptyHandler.class.getName().replace('.', '/') + ".class";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                InputStream in = EmptyHandler.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new ZipEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return zip;
    }

    private static void invokeQuietly(LocalFunction function, String event) {
        try {
            function.invoke(event);
        } catch (LocalFunction.FunctionError e) {
            System.err.println(function.name() + ": " + e.getMessage());
        }
    }

    private static long inProcessInitMs(LocalStack stack, String name, FunctionSpec spec) {
        long start = System.nanoTime();
        InProcessHandlers.of(spec.handler()).factory().create(stack.clients(), stack.environmentOf(name));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A sample from events/ as the function's trigger would send it to this stack. */
    private static String sampleEvent(LocalStack stack, String name, FunctionSpec spec) throws IOException {
        if (spec.schedule() != null) {
            return ScheduleRule.event("arn:aws:events:us-east-1:123456789012:rule/bench-" + name, "us-east-1");
        }
        Path folder = DeployableArtifacts.locate().repository().resolve("events").resolve(name);
        Path sample;
        try (Stream<Path> files = Files.list(folder)) {
            sample = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().matches(".*(invalid|not-json|too-large|unsupported|test-event|removed).*"))
                    .sorted().findFirst().orElseThrow();
        }
        String json = Files.readString(sample);
        String queue = stack.topology().queuesConsumedBy(name).stream().findFirst().orElse(null);
        return queue == null ? json
                : json.replaceAll("\"eventSourceARN\": \"[^\"]+\"", "\"eventSourceARN\": \"" + stack.resources().queueArn(queue) + "\"");
    }

    private static long number(Pattern pattern, String report) {
        Matcher m = pattern.matcher(report);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
