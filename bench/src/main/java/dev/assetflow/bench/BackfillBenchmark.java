package dev.assetflow.bench;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.backfill.DynamoBackfillCheckpoints;
import dev.assetflow.aws.backfill.S3ObjectListing;
import dev.assetflow.aws.backfill.SqsBackfillIntroducer;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.HistoryEntry;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.backfill.Backfill;
import dev.assetflow.domain.backfill.BackfillRun;
import dev.assetflow.domain.upload.UploadPolicy;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.localstack.LocalStack;
import dev.assetflow.media.MediaTools;
import dev.assetflow.runtime.retry.Sleep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The controlled-backfill benchmark (README, "Controlled backfill"): the same number of images brought into one
 * local stack by a naive "enqueue everything" (one batch, no rate) and by batched settings, one after the other.
 * For each: throughput (assets settled per second of wall time), how long work waited in its queue (QUEUED →
 * PROCESSING, from each asset's history: p50, p95, max) and how many records were retried (the stack's Retry
 * outcomes in the run's window), printed as ratios against the naive run of the same invocation.
 * Usage: ./scripts/bench-backfill [images per setting, default 48]
 */
public final class BackfillBenchmark {
    private record Setting(String name, int batchSize, double rate, int streams) {}

    private record Result(Setting setting, double seconds, int assets, List<Double> waits, long retries) {
        double throughput() {
            return assets / seconds;
        }

        double wait(double quantile) {
            List<Double> sorted = waits.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
        }
    }

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        List<Setting> settings = List.of(new Setting("naive: everything at once", images, 1000, 1),
                new Setting("batches of 8 at 4/s", 8, 4, 1), new Setting("batches of 16 at 8/s", 16, 8, 1),
                new Setting("2 streams, batches of 8 at 4/s each", 8, 4, 2));
        MediaTools tools = MediaTools.fromVenv();
        Path work = Bench.fresh(Path.of("target", "bench-backfill"));
        List<byte[]> pictures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pictures.add(Files.readAllBytes(new SampleMedia(tools).picture(work.resolve("p" + i + ".png"), 960 + 32 * i, 540)));
        }
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withoutSchedules().withVisibilityTimeoutCap(Duration.ofSeconds(60)))) {
            String bucket = stack.resources().bucketName("uploads");
            warmUp(stack, bucket, pictures);
            List<Result> results = new ArrayList<>();
            for (int s = 0; s < settings.size(); s++) {
                results.add(run(stack, bucket, settings.get(s), "bench/" + s + "/", images, pictures));
                System.out.printf(Locale.ROOT, "  %s: %.1f s%n", settings.get(s).name(), results.getLast().seconds());
            }
            print(results, images);
        }
    }

    /** Every function started once, so no setting pays the cold starts the first one would. */
    private static void warmUp(LocalStack stack, String bucket, List<byte[]> pictures) throws Exception {
        run(stack, bucket, new Setting("warm-up", 4, 1000, 1), "bench/warm/", 4, pictures);
    }

    private static Result run(LocalStack stack, String bucket, Setting setting, String prefix, int images, List<byte[]> pictures)
            throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            String stream = setting.streams() > 1 ? "s" + (i % setting.streams()) + "/" : "";
            String key = prefix + stream + "img-" + i + ".png";
            stack.clients().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(pictures.get(i % pictures.size())));
            keys.add(key);
        }
        DynamoBackfillCheckpoints checkpoints = new DynamoBackfillCheckpoints(stack.clients().dynamoDb(), stack.resources().tableName("backfills"));
        DynamoAssetRepository assets = new DynamoAssetRepository(stack.clients().dynamoDb(), stack.resources().tableName("assets"));
        Backfill backfill = new Backfill(checkpoints, new S3ObjectListing(stack.clients().s3()),
                new SqsBackfillIntroducer(stack.clients().sqs(), stack.resources().queueUrl("ingest")), assets,
                Sleep::of, Clock.systemUTC());
        Instant started = Instant.now();
        ExecutorService streams = Executors.newFixedThreadPool(setting.streams());
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < setting.streams(); s++) {
            String streamPrefix = setting.streams() > 1 ? prefix + "s" + s + "/" : prefix;
            String runId = "bench-" + Math.abs(streamPrefix.hashCode()) + "-" + started.toEpochMilli();
            checkpoints.create(BackfillRun.start(runId, bucket, streamPrefix, setting.batchSize(), setting.rate(), started));
            running.add(streams.submit(() -> drive(backfill, runId)));
        }
        for (Future<?> stream : running) {
            stream.get(30, TimeUnit.MINUTES);
        }
        streams.shutdown();
        Instant ended = Instant.now();
        List<Double> waits = new ArrayList<>();
        for (String key : keys) {
            var head = stack.clients().s3().headObject(b -> b.bucket(bucket).key(key));
            Asset asset = assets.find(UploadPolicy.assetIdFor(new SourceObject(bucket, key, head.eTag().replace("\"", ""), null,
                    head.contentLength()))).orElseThrow();
            queueWait(asset).ifPresent(waits::add);
        }
        return new Result(setting, Duration.between(started, ended).toMillis() / 1000.0, keys.size(), waits,
                retries(stack, started, ended));
    }

    private static void drive(Backfill backfill, String runId) {
        while (true) {
            Backfill.Step step = backfill.step(runId);
            if (step instanceof Backfill.Step.Halted) {
                return;
            }
            // the command's 3 s settle poll, shortened so the barrier between batches is measured, not the poll
            Sleep.of(((Backfill.Step.Advanced) step).after().isZero() ? Duration.ZERO : Duration.ofMillis(250));
        }
    }

    /** Seconds from QUEUED (ingest sent the work) to PROCESSING (a worker started it). */
    private static Optional<Double> queueWait(Asset asset) {
        Instant queued = null;
        for (HistoryEntry entry : asset.history()) {
            if (entry.to() == AssetState.QUEUED && queued == null) {
                queued = entry.at();
            } else if (entry.to() == AssetState.PROCESSING && queued != null) {
                return Optional.of(Duration.between(queued, entry.at()).toMillis() / 1000.0);
            }
        }
        return Optional.empty();
    }

    /** Retry outcomes the pipeline's functions logged in the window (their metric lines). */
    private static long retries(LocalStack stack, Instant from, Instant to) throws IOException {
        long count = 0;
        for (String function : List.of("ingest", "image-worker")) {
            Path log = stack.functionLog(function);
            if (!Files.exists(log)) {
                continue;
            }
            for (String line : Files.readAllLines(log)) {
                if (line.contains("\\\"Outcome\\\":\\\"Retry\\\"") && line.startsWith("{\"@timestamp\":\"")) {
                    Instant at = Instant.parse(line.substring(15, line.indexOf('"', 15)));
                    count += !at.isBefore(from) && !at.isAfter(to) ? 1 : 0;
                }
            }
        }
        return count;
    }

    private static void print(List<Result> results, int images) {
        Result naive = results.getFirst();
        System.out.printf(Locale.ROOT, "%n%d images per setting, one local stack (image-bulk: batches of 4, 2 workers at most)%n", images);
        System.out.printf(Locale.ROOT, "%-38s %9s %8s %8s %8s %8s %8s %8s%n", "setting", "wall s", "assets/s", "x naive",
                "wait p50", "wait p95", "wait max", "retries");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-38s %9.1f %8.2f %8.2f %8.1f %8.1f %8.1f %8d%n", r.setting().name(), r.seconds(), r.throughput(),
                    r.throughput() / naive.throughput(), r.wait(0.5), r.wait(0.95), r.wait(1.0), r.retries());
        }
        System.out.println("wait: seconds from QUEUED to PROCESSING per asset (how long work sat in its queue)");
    }
}
