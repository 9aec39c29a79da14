package dev.assetflow.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.LocalStack;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.uploader.FileUpload;
import dev.assetflow.uploader.PartPut;
import dev.assetflow.uploader.UploadApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Uploads every sample, follows each asset to its end, checks the outcomes and prints the table. */
final class DemoRun {
    private static final Duration WAIT = Duration.ofSeconds(300);

    private final LocalStack stack;
    private final List<DemoSample> samples;
    private final AssetflowClient client;
    private final Instant start = Instant.now();

    DemoRun(LocalStack stack, List<DemoSample> samples) {
        this.stack = stack;
        this.samples = samples;
        this.client = new AssetflowClient(stack.apiEndpoint());
    }

    /** What happened to one sample. */
    record Result(DemoSample sample, int uploadStatus, String assetId, JsonNode asset, Duration elapsed,
            long renditionEvents, long readyEvents, String terminalEventType, long terminalEvents, List<String> problems) {}

    int execute() throws Exception {
        System.out.printf("%nUploading %d files through POST /uploads and their presigned URLs:%n", samples.size());
        ExecutorService pool = Executors.newFixedThreadPool(samples.size());
        List<Future<Result>> futures = new ArrayList<>();
        for (DemoSample sample : samples) {
            futures.add(pool.submit(() -> follow(sample)));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        System.out.println("\nReading the subscriber queues (search-index, notifications)...");
        EventTap searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"))
                .collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        EventTap notifications = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("notifications"))
                .collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        List<Result> checked = results.stream().map(r -> DemoChecks.check(r, searchIndex, notifications)).toList();
        DemoTable.print(checked);
        long failures = checked.stream().filter(r -> !r.problems().isEmpty()).count();
        if (failures == 0) {
            System.out.printf("%nAll %d files reached their expected outcome.%n", checked.size());
            return 0;
        }
        System.out.printf("%n%d of %d files did NOT reach their expected outcome:%n", failures, checked.size());
        checked.stream().filter(r -> !r.problems().isEmpty())
                .forEach(r -> System.out.printf("  %s: %s%n", r.sample().fileName(), String.join("; ", r.problems())));
        return 1;
    }

    private Result follow(DemoSample sample) throws Exception {
        long size = Files.size(sample.file());
        if (sample == largest()) {
            return followInParts(sample, size);
        }
        AssetflowClient.ApiResponse upload = client.requestUpload(sample.fileName(), sample.contentType(), size);
        if (upload.status() != 201) {
            progress(sample, "refused by the upload API: HTTP " + upload.status() + " " + upload.body().path("message").asText());
            return new Result(sample, upload.status(), null, null, Duration.ZERO, 0, 0, null, 0, List.of());
        }
        String assetId = upload.body().path("assetId").asText();
        Instant uploaded = Instant.now();
        int put = client.put(upload.body().path("upload"), sample.file());
        progress(sample, "uploaded " + size + " bytes (S3 answered " + put + "), asset " + assetId);
        AssetflowClient.ApiResponse last = client.awaitTerminal(assetId, WAIT, state -> progress(sample, state));
        return new Result(sample, put, assetId, last.status() == 200 ? last.body() : null,
                Duration.between(uploaded, Instant.now()), 0, 0, null, 0, List.of());
    }

    private DemoSample largest() {
        return samples.stream().max(Comparator.comparingLong(s -> s.file().toFile().length())).orElseThrow();
    }

    /** The largest file goes through the uploader, as {@code scripts/upload} sends it: in parts when above the threshold. */
    private Result followInParts(DemoSample sample, long size) throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicInteger quarter = new AtomicInteger();
        FileUpload.Result result = new FileUpload(new UploadApiClient(stack.apiEndpoint()), new PartPut(),
                FileUpload.Options.defaults(Files.createTempDirectory("demo-upload-state")), new FileUpload.Listener() {
                    @Override
                    public void started(Path file, String assetId, long sizeBytes, long bytesAlreadyStored) {
                        progress(sample, "sending " + size + " bytes with the uploader, asset " + assetId);
                    }

                    @Override
                    public void sent(Path file, long bytes) {
                        long total = sent.addAndGet(bytes);
                        int reached = (int) (4 * total / size);
                        if (reached > quarter.get() && quarter.compareAndSet(reached - 1, reached)) {
                            progress(sample, String.format(Locale.ROOT, "%d %% sent (%.1f of %.1f MiB)", 25 * reached,
                                    total / 1048576.0, size / 1048576.0));
                        }
                    }
                }).upload(sample.file(), sample.contentType());
        if (!(result instanceof FileUpload.Result.Uploaded uploaded)) {
            progress(sample, "the uploader did not finish: " + result);
            return new Result(sample, 0, null, null, Duration.ZERO, 0, 0, null, 0, List.of());
        }
        progress(sample, "uploaded in " + uploaded.partsSent() + " parts (" + uploaded.retries() + " retried), asset "
                + uploaded.assetId());
        Instant stored = Instant.now();
        AssetflowClient.ApiResponse last = client.awaitTerminal(uploaded.assetId(), WAIT, state -> progress(sample, state));
        return new Result(sample, 200, uploaded.assetId(), last.status() == 200 ? last.body() : null,
                Duration.between(stored, Instant.now()), 0, 0, null, 0, List.of());
    }

    private void progress(DemoSample sample, String what) {
        System.out.printf("  %6.2fs  %-20s %s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0,
                sample.fileName(), what);
    }
}
