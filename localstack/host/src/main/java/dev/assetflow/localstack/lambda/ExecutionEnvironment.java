package dev.assetflow.localstack.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One execution environment: a JVM process running the function's artifact under the Lambda runtime
 * interface client, its own Runtime API, its own /tmp. It serves one invocation at a time and is
 * reused while warm; it ends, as on Lambda, when an invocation times out, when its processes use more
 * than the function's memory, when its /tmp outgrows the limit, or when its process exits.
 */
final class ExecutionEnvironment implements AutoCloseable {
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);
    /** Lambda bounds an on-demand init by 10 s before counting it against the invocation; this bounds a hung one. */
    private static final Duration INIT_LIMIT = Duration.ofSeconds(60);
    /**
     * At most one init per core at a time. Lambda runs every init on its own CPU share; on one machine, a
     * burst of cold starts (each about 2.5 CPU-seconds) would otherwise slow every one of them to tens of
     * seconds. A start waits for a turn before its init begins, so its Init Duration is its own.
     */
    private static final Semaphore INITS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /** What became of an invocation, with what its REPORT line states. */
    sealed interface Result {
        Stats stats();

        record Response(String body, Stats stats) implements Result {}

        record Failed(String errorType, String message, Stats stats) implements Result {}
    }

    /** Duration, peak memory of the environment's processes, and the init duration if this was a cold start. */
    record Stats(long durationMs, long maxMemoryMb, Long initDurationMs) {}

    private final Process process;
    private final RuntimeApi api;
    private final TempStorage tmp;
    private final long memoryLimitBytes;
    private final long startedNanos = System.nanoTime();
    private Long initDurationMs;
    private boolean cold = true;
    private volatile String endedBecause;

    private ExecutionEnvironment(Process process, RuntimeApi api, TempStorage tmp, int memoryMb) {
        this.process = process;
        this.api = api;
        this.tmp = tmp;
        this.memoryLimitBytes = memoryMb * 1_048_576L;
    }

    /** Starts the process once a turn for its init is free; its init runs until it first asks for an invocation. */
    static ExecutionEnvironment start(Deployment function, Path home, String logStream) {
        INITS.acquireUninterruptibly();
        try {
            return launch(function, home, logStream);
        } catch (RuntimeException e) {
            INITS.release();
            throw e;
        }
    }

    private static ExecutionEnvironment launch(Deployment function, Path home, String logStream) {
        RuntimeApi api = new RuntimeApi();
        TempStorage tmp = TempStorage.create(home.resolve("tmp"), function.ephemeralStorageMb());
        try {
            Map<String, String> environment = ManagedRuntime.environment(function.environment(),
                    new ManagedRuntime.Reserved(function.name(), function.handler(), function.memoryMb(), function.region(),
                            api.address(), function.taskRoot(), logStream));
            ProcessBuilder builder = new ProcessBuilder(function.runtime().command(function.memoryMb(), tmp.dir(), function.handler()))
                    .directory(function.taskRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(function.log().toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new ExecutionEnvironment(builder.start(), api, tmp, function.memoryMb());
        } catch (IOException | RuntimeException e) {
            api.close();
            tmp.close();
            throw new IllegalStateException("cannot start an execution environment of " + function.name() + ": " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return endedBecause == null && process.isAlive();
    }

    /**
     * Runs one invocation; never throws. The result says how it ended; {@link #alive()} says whether the
     * environment can serve another.
     */
    /** @param traceHeader the invocation's Lambda-Runtime-Trace-Id ({@link #traceFor}) */
    Result invoke(String requestId, String event, String functionArn, Duration timeout, String traceHeader) {
        Watch watch = new Watch();
        if (cold) {
            cold = false;
            Result failedInit = awaitInit(watch);
            if (failedInit != null) {
                return failedInit;
            }
        }
        long invokeStart = System.nanoTime();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        RuntimeApi.Invocation invocation = new RuntimeApi.Invocation(requestId, event, deadline,
                functionArn, traceHeader, new CompletableFuture<>());
        api.submit(invocation);
        RuntimeApi.Outcome outcome = watch.until(invocation.outcome(), deadline);
        Stats stats = new Stats((System.nanoTime() - invokeStart) / 1_000_000, watch.maxBytes / 1_048_576, takeInitDuration());
        return switch (outcome) {
            case RuntimeApi.Outcome.Response response -> new Result.Response(response.body(), stats);
            case RuntimeApi.Outcome.Error error -> new Result.Failed(error.errorType(), error.body(), stats);
            case null -> { // no answer: the watch ended the wait (a limit, a dead process) or the deadline passed
                String reason = watch.reason != null ? watch.reason
                        : String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
                end(reason);
                yield new Result.Failed(watch.reason != null ? watch.errorType : "Sandbox.Timedout", reason, stats);
            }
        };
    }

    /** The REPORT line's Init Duration: only on the invocation that paid for the init. */
    private Long takeInitDuration() {
        Long init = initDurationMs;
        initDurationMs = null;
        return init;
    }

    /** Waits for the runtime's first {@code next}, or its init error, or its death. Null when it is ready. */
    private Result awaitInit(Watch watch) {
        long deadline = System.currentTimeMillis() + INIT_LIMIT.toMillis();
        RuntimeApi.Outcome outcome;
        try {
            outcome = watch.until(api.init(), deadline);
        } finally {
            INITS.release();
        }
        initDurationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        Stats stats = new Stats(0, watch.maxBytes / 1_048_576, initDurationMs);
        if (outcome instanceof RuntimeApi.Outcome.Response) {
            return null;
        }
        // the runtime's own error type where it reported one (Runtime.BadFunctionCode, Runtime.ExceptionInInitializerError…)
        String type = outcome instanceof RuntimeApi.Outcome.Error error ? error.errorType()
                : watch.reason != null ? watch.errorType : "Runtime.InitTimeout";
        String message = outcome instanceof RuntimeApi.Outcome.Error error ? error.body()
                : watch.reason != null ? watch.reason : "init did not finish within " + INIT_LIMIT.toSeconds() + " s";
        end("init failed: " + message);
        return new Result.Failed(type, message, stats);
    }

    /**
     * Polls an outcome while watching the environment: its processes' memory, its /tmp, its process
     * still being there, the deadline. Null when something other than the outcome ended the wait.
     */
    private final class Watch {
        long maxBytes;
        String reason;
        String errorType;

        RuntimeApi.Outcome until(CompletableFuture<RuntimeApi.Outcome> outcome, long deadlineEpochMs) {
            while (true) {
                try {
                    RuntimeApi.Outcome done = outcome.get(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                    maxBytes = Math.max(maxBytes, memoryBytes());
                    return done;
                } catch (TimeoutException e) {
                    long used = memoryBytes();
                    maxBytes = Math.max(maxBytes, used);
                    if (used > memoryLimitBytes) {
                        fail("Runtime.OutOfMemory", "Runtime exited with error: signal: killed (the environment used "
                                + used / 1_048_576 + " MB of its " + memoryLimitBytes / 1_048_576 + " MB)");
                        return null;
                    }
                    if (!tmp.enforcedByFileSystem() && tmp.usedBytes() > tmp.limitBytes()) {
                        fail("Runtime.ExitError", "Runtime exited with error: /tmp outgrew its "
                                + tmp.limitBytes() / 1_048_576 + " MB");
                        return null;
                    }
                    if (!process.isAlive()) {
                        String ended = endedBecause;
                        fail("Runtime.ExitError", "Runtime exited with error: " + (ended != null ? ended
                                : "exit status " + process.exitValue()));
                        return null;
                    }
                    if (System.currentTimeMillis() >= deadlineEpochMs) {
                        return null;
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("Runtime.ExitError", "interrupted");
                    return null;
                }
            }
        }

        private void fail(String type, String why) {
            errorType = type;
            reason = why;
        }
    }

    /** Resident memory of the process and every process it started (ffmpeg counts, as in Lambda's sandbox). */
    private long memoryBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> residentBytes(handle.pid())).sum();
    }

    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    /**
     * The trace of a message that carried one: its Root (and Sampled flag) with a new Parent, the segment this invocation
     * adds (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html).
     */
    static String traceFor(java.util.Optional<String> carried) {
        return carried.map(ExecutionEnvironment::continued).orElseGet(ExecutionEnvironment::traceId);
    }

    private static String continued(String header) {
        String root = null;
        String sampled = "Sampled=0";
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("Root=")) {
                root = trimmed;
            } else if (trimmed.startsWith("Sampled=")) {
                sampled = trimmed;
            }
        }
        if (root == null) {
            return traceId();
        }
        byte[] parent = new byte[8];
        ThreadLocalRandom.current().nextBytes(parent);
        return root + ";Parent=" + HexFormat.of().formatHex(parent) + ";" + sampled;
    }

    /** An X-Ray trace header as Lambda passes it (https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader). */
    private static String traceId() {
        HexFormat hex = HexFormat.of();
        byte[] id = new byte[12];
        byte[] parent = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        ThreadLocalRandom.current().nextBytes(parent);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.formatHex(id)
                + ";Parent=" + hex.formatHex(parent) + ";Sampled=0";
    }

    /** Kills the environment's processes; what it was doing is lost, as on Lambda. */
    void end(String why) {
        endedBecause = why;
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            end("shut down");
        }
        api.close();
        tmp.close();
    }
}
