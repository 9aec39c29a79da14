package dev.assetflow.localstack.burst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.localstack.LocalStack;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.localstack.embedded.Venv;
import dev.assetflow.localstack.runtime.HttpApiServer;
import dev.assetflow.media.MediaTools;
import dev.assetflow.uploader.AssetFollower;
import dev.assetflow.uploader.Backoff;
import dev.assetflow.uploader.ContentTypes;
import dev.assetflow.uploader.FileUpload;
import dev.assetflow.uploader.PartPut;
import dev.assetflow.uploader.PartTransport;
import dev.assetflow.uploader.ResumeState;
import dev.assetflow.uploader.UploadApiClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code scripts/burst}: N clients upload at once (POST /uploads, then one PUT or parts), then every asset
 * is followed to its end. Prints confirmation latency, transfer rates and upload→end times against a
 * baseline of one client measured in the same run, which process used the CPU, and checks that nothing
 * was lost or done twice and every file became READY. See the README, "Uploads at scale".
 */
public final class BurstRun {
    /** The local HTTP API serves this many requests at once (one upload-api execution environment each). */
    static final int WARM_UP = HttpApiServer.CONCURRENCY;
    /** Requests per warm-up stream: enough for the environments' JIT (C1, as on Lambda) to settle. */
    static final int WARM_UP_REQUESTS = 60;
    static final int BASELINE_REQUESTS = 50;

    private BurstRun() {
    }

    public static void main(String[] args) throws Exception {
        BurstSettings settings;
        try {
            settings = BurstSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(run(settings, System.out));
    }

    public static int run(BurstSettings settings, PrintStream out) throws Exception {
        Venv venv = Venv.locate();
        SampleMedia media = new SampleMedia(MediaTools.from(Map.of(
                "FFMPEG_PATH", venv.tool("ffmpeg").toString(), "FFPROBE_PATH", venv.tool("ffprobe").toString())));
        BurstSamples samples = BurstSamples.make(media, Path.of("target", "burst-media"), settings.multipartMib());
        if (settings.api().isPresent()) {
            out.printf("Bursting the API at %s (no event checks: only the local stack's subscriber queues can be read)%n", settings.api().get());
            return against(settings, samples, settings.api().get(), null, out);
        }
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 6);
        out.printf("Starting a local stack (prefix %s; multipart above %d MiB for this run)...%n", prefix,
                BurstSamples.MULTIPART_THRESHOLD >> 20);
        LocalStack.Options options = LocalStack.Options.defaults().withPrefix(prefix)
                .withEnvironment("upload-api", Map.of("MULTIPART_THRESHOLD_BYTES", Long.toString(BurstSamples.MULTIPART_THRESHOLD)));
        try (LocalStack stack = LocalStack.start(options)) {
            return against(settings, samples, stack.apiEndpoint(), stack, out);
        }
    }

    private static int against(BurstSettings settings, BurstSamples samples, URI endpoint, LocalStack stack, PrintStream out)
            throws Exception {
        UploadApiClient api = new UploadApiClient(endpoint);
        Function<String, String> groups = stack == null ? commandLine -> null : ProcessCpu.stackGroups(stack.topology().functions()
                .entrySet().stream().collect(Collectors.toMap(e -> e.getValue().handler(), Map.Entry::getKey)));
        Path state = Path.of("target", "burst-state", UUID.randomUUID().toString());

        out.printf("Warming up: %d streams of %d POST /uploads (starts the API's execution environments and warms them; not counted)...%n",
                WARM_UP, WARM_UP_REQUESTS);
        List<Double> coldStarts = atOnce(WARM_UP, i -> {
            double first = millis(() -> api.requestUpload("warm-up.png", "image/png", 1000));
            for (int request = 1; request < WARM_UP_REQUESTS; request++) {
                millis(() -> api.requestUpload("warm-up.png", "image/png", 1000));
            }
            return first;
        });
        Map<String, Double> restStart = ProcessCpu.snapshot(groups);
        Instant restFrom = Instant.now();
        Thread.sleep(5000); // nothing sent: what the stack costs at rest (its event source mappings long-polling the emulator)
        BurstReport.CpuWindow rest = new BurstReport.CpuWindow("5 s at rest before the baseline (nothing sent)",
                Duration.between(restFrom, Instant.now()), ProcessCpu.between(restStart, ProcessCpu.snapshot(groups)));
        List<Double> oneClient = new ArrayList<>();
        for (int i = 0; i < BASELINE_REQUESTS; i++) {
            oneClient.add(millis(() -> api.requestUpload("baseline.png", "image/png", 1000)));
        }
        PartTransport transport = new PartPut();
        BurstUpload alone = BurstUpload.send(api, transport, options(state.resolve("alone")), samples.multipartFile(), "alone.wav", true, "audio/wav",
                () -> { });
        out.printf("Baseline, one client: POST /uploads %s; %s alone in %.2f s%n", Percentiles.of(oneClient).format("ms", "%.1f"),
                samples.multipartFile().getFileName(), alone.transferNanos() / 1e9);

        out.printf("Burst: %d uploads, %d clients at once, %d of them in parts...%n", settings.count(), settings.concurrency(),
                settings.multipartUploads());
        CountDownLatch confirmed = new CountDownLatch(settings.count());
        Map<String, Double> cpuStart = ProcessCpu.snapshot(groups);
        Instant burstStart = Instant.now();
        Map<String, Object> window = new ConcurrentHashMap<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                confirmed.await();
                window.put("cpu", ProcessCpu.snapshot(groups));
                window.put("at", Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int every = settings.multipartUploads() == 0 ? Integer.MAX_VALUE : Math.max(1, settings.count() / settings.multipartUploads());
        List<BurstUpload> uploads = atOnce(settings.count(), settings.concurrency(), i -> {
            boolean parts = i % every == 0 && i / every < settings.multipartUploads();
            Path file = parts ? samples.multipartFile() : samples.pictures().get(i % samples.pictures().size());
            String name = "burst-" + i + "-" + file.getFileName();
            return BurstUpload.send(api, transport, options(state.resolve(Integer.toString(i))), file, name, parts,
                    parts ? "audio/wav" : ContentTypes.of(name), confirmed::countDown);
        });
        Instant uploaded = Instant.now();
        Map<String, Double> cpuUploaded = ProcessCpu.snapshot(groups);
        out.printf("  %d uploads sent in %.1f s; following every asset to its end...%n", uploads.size(),
                Duration.between(burstStart, uploaded).toMillis() / 1000.0);
        List<BurstUpload> followed = new ArrayList<>(uploads);
        followed.add(alone);
        EventTap events = stack == null ? null : new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"));
        // the events are read while the assets are followed, so thousands do not wait in the queue for the end
        Thread reader = events == null ? null : Thread.ofPlatform().daemon().name("event-tap").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    events.collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30));
                }
            } catch (RuntimeException interrupted) {
                // the SDK gives up a receive when the thread is interrupted: the final collection below reads the rest
            }
        });
        Map<String, JsonNode> ends = followAll(api, followed, settings.patience(), out);
        Map<String, Double> cpuEnd = ProcessCpu.snapshot(groups);
        if (events != null) {
            reader.interrupt();
            reader.join(Duration.ofSeconds(40));
            events.collectUntilQuiet(Duration.ofSeconds(5), Duration.ofMinutes(5));
        }
        @SuppressWarnings("unchecked")
        Map<String, Double> cpuConfirmed = (Map<String, Double>) window.getOrDefault("cpu", cpuUploaded);
        Instant confirmedAt = (Instant) window.getOrDefault("at", uploaded);
        BurstReport report = new BurstReport(settings, coldStarts, oneClient, alone, uploads, ends, events, rest,
                new BurstReport.CpuWindow("the confirmations (burst start → last URL answered)", Duration.between(burstStart, confirmedAt),
                        ProcessCpu.between(cpuStart, cpuConfirmed)),
                new BurstReport.CpuWindow("the whole burst (start → every asset ended)", Duration.between(burstStart, Instant.now()),
                        ProcessCpu.between(cpuStart, cpuEnd)));
        return report.print(out);
    }

    static FileUpload.Options options(Path state) {
        return new FileUpload.Options(3, 5, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)), new ResumeState(state));
    }

    private static Map<String, JsonNode> followAll(UploadApiClient api, List<BurstUpload> uploads, Duration patience, PrintStream out)
            throws Exception {
        Map<String, JsonNode> ends = new ConcurrentHashMap<>();
        List<String> waiting = uploads.stream().filter(u -> u.problem() == null).map(BurstUpload::assetId).collect(Collectors.toList());
        Instant deadline = Instant.now().plus(patience);
        Instant nextNote = Instant.now().plusSeconds(15);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
                List<Future<?>> round = new ArrayList<>();
                for (String assetId : waiting) {
                    round.add(pool.submit(() -> {
                        UploadApiClient.ApiResponse answer = api.asset(assetId);
                        if (answer.status() == 200 && AssetFollower.TERMINAL.contains(answer.body().path("state").asText())) {
                            ends.put(assetId, answer.body());
                        }
                    }));
                }
                for (Future<?> f : round) {
                    f.get();
                }
                waiting.removeIf(ends::containsKey);
                if (Instant.now().isAfter(nextNote)) {
                    out.printf("  %d of %d assets ended%n", uploads.size() - waiting.size(), uploads.size());
                    nextNote = Instant.now().plusSeconds(15);
                }
                Thread.sleep(2000);
            }
        }
        return ends;
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    static <T> List<T> atOnce(int count, Task<T> task) throws Exception {
        return atOnce(count, count, task);
    }

    /** {@code count} tasks, {@code concurrency} at a time, all released together; answers in order. */
    static <T> List<T> atOnce(int count, int concurrency, Task<T> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(concurrency);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    slots.acquire();
                    try {
                        return task.run(index);
                    } finally {
                        slots.release();
                    }
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static double millis(java.util.concurrent.Callable<UploadApiClient.ApiResponse> call) throws Exception {
        long start = System.nanoTime();
        UploadApiClient.ApiResponse answer = call.call();
        if (answer.status() != 201) {
            throw new IllegalStateException("POST /uploads answered HTTP " + answer.status() + " " + answer.message());
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
