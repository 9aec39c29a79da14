package dev.assetflow.localstack.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.LocalStack;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.localstack.embedded.Venv;
import dev.assetflow.localstack.faults.FaultProxy;
import dev.assetflow.media.MediaTools;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.topology.ResourceNames;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code scripts/acceptance}: the failure model's acceptance run. Hundreds of uploads (images, short
 * videos, one in ten corrupt or hostile) go through the local stack while a seeded share of the
 * functions' AWS calls fail transiently, two workers die (one mid-job, one between an upload and its
 * checkpoint), some S3 events are delivered twice and two poison messages land on a work queue.
 * Then it checks that nothing was lost or done twice, prints a table, and exits non-zero if anything
 * is off. See the README, "Failure model".
 */
public final class AcceptanceRun {
    /** Every run's knobs; the seed makes the injected faults repeatable. */
    public record Settings(int assets, int videos, double faultRate, long seed, Duration patience) {
        public static Settings parse(String... args) {
            Settings s = new Settings(200, 12, 0.10, 42, Duration.ofMinutes(20));
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                s = switch (args[i]) {
                    case "--assets" -> new Settings(Integer.parseInt(value), s.videos(), s.faultRate(), s.seed(), s.patience());
                    case "--videos" -> new Settings(s.assets(), Integer.parseInt(value), s.faultRate(), s.seed(), s.patience());
                    case "--fault-rate" -> new Settings(s.assets(), s.videos(), Double.parseDouble(value), s.seed(), s.patience());
                    case "--seed" -> new Settings(s.assets(), s.videos(), s.faultRate(), Long.parseLong(value), s.patience());
                    case "--wait-minutes" -> new Settings(s.assets(), s.videos(), s.faultRate(), s.seed(),
                            Duration.ofMinutes(Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (options: --assets N --videos N --fault-rate R --seed S --wait-minutes M)");
                };
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
            }
            return s;
        }
    }

    /** Poison messages put straight on a work queue: both must end in its DLQ, named INVALID_MESSAGE. */
    static final String POISON_QUEUE = "image-standard";
    static final List<String> POISON = List.of("this is not JSON", "{\"assetId\":\"not-an-asset-id\"}");
    private static final int DUPLICATE_EVERY = 15;
    /** A crashed batch comes back this soon: every job of the run is far shorter. */
    private static final Duration VISIBILITY_CAP = Duration.ofSeconds(60);
    /** The functions the fault proxy ends at its chosen rendition uploads: whichever of them is working then. */
    private static final List<String> WORKERS = List.of("image-worker", "video-worker", "audio-worker", "document-worker");

    private AcceptanceRun() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Settings.parse(args), System.out));
    }

    public static int run(Settings settings, PrintStream out) throws Exception {
        Venv venv = Venv.locate();
        SampleMedia media = new SampleMedia(MediaTools.from(Map.of(
                "FFMPEG_PATH", venv.tool("ffmpeg").toString(), "FFPROBE_PATH", venv.tool("ffprobe").toString())));
        out.printf("Making %d uploads (%d videos, about 10%% corrupt or hostile)...%n", settings.assets(), settings.videos());
        List<AcceptanceSamples.Sample> samples = AcceptanceSamples.make(media, Files.createDirectories(
                Path.of("target", "acceptance-media")), settings.assets(), settings.videos());

        String prefix = "acc-" + UUID.randomUUID().toString().substring(0, 6);
        AtomicReference<LocalStack> running = new AtomicReference<>();
        FaultProxy faults = new FaultProxy(settings.faultRate(), settings.seed(), new ResourceNames(prefix).of("renditions"), 5, 17,
                () -> WORKERS.forEach(worker -> running.get().endBusyEnvironments(worker, "ended by the acceptance run")));
        LocalStack.Options options = LocalStack.Options.defaults().withPrefix(prefix)
                .withFunctionEndpoint(faults::start)
                .withVisibilityTimeoutCap(VISIBILITY_CAP)
                .withScheduleRate(Duration.ofSeconds(20));
        out.printf("Starting the local stack (prefix %s): %.0f%% of the functions' AWS calls fail (seed %d), two workers die%n",
                prefix, settings.faultRate() * 100, settings.seed());
        Instant start = Instant.now();
        try (faults; LocalStack stack = LocalStack.start(options)) {
            running.set(stack);
            for (String poison : POISON) {
                stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().queueUrl(POISON_QUEUE)).messageBody(poison));
            }
            List<AcceptanceReport.Upload> uploads = uploadAll(stack, samples, out);
            out.printf("  %d uploads done in %.1f s; waiting for every asset to end...%n", uploads.size(),
                    Duration.between(start, Instant.now()).toMillis() / 1000.0);
            List<AcceptanceReport.Outcome> outcomes = awaitAll(stack, uploads, settings.patience());
            out.printf("  every asset ended (or the wait of %s ran out) after %.1f s; draining queues...%n", settings.patience(),
                    Duration.between(start, Instant.now()).toMillis() / 1000.0);
            AcceptanceReport.awaitDrained(stack, Duration.ofMinutes(3));
            stack.runScheduled("dlq-triage");
            EventTap searchIndex = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index"))
                    .collectUntilQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
            EventTap notifications = new EventTap(stack.clients().sqs(), stack.resources().queueUrl("notifications"))
                    .collectUntilQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
            AcceptanceReport report = new AcceptanceReport(stack, outcomes, searchIndex, notifications, faults,
                    Duration.between(start, Instant.now()));
            return report.print(out);
        }
    }

    private static List<AcceptanceReport.Upload> uploadAll(LocalStack stack, List<AcceptanceSamples.Sample> samples,
            PrintStream out) throws Exception {
        AssetflowClient client = new AssetflowClient(stack.apiEndpoint());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<AcceptanceReport.Upload>> futures = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                AcceptanceSamples.Sample sample = samples.get(i);
                boolean duplicate = sample.good() && i % DUPLICATE_EVERY == 0;
                futures.add(pool.submit(() -> upload(stack, client, sample, duplicate)));
            }
            List<AcceptanceReport.Upload> uploads = new ArrayList<>();
            for (Future<AcceptanceReport.Upload> future : futures) {
                uploads.add(future.get());
            }
            return uploads;
        } finally {
            pool.shutdown();
        }
    }

    /** As a client app would: a transient 5xx from the API or from S3 is retried; the bytes go to the presigned URL. */
    private static AcceptanceReport.Upload upload(LocalStack stack, AssetflowClient client, AcceptanceSamples.Sample sample,
            boolean duplicateEvent) throws Exception {
        long size = Files.size(sample.file());
        AssetflowClient.ApiResponse accepted = client.requestUpload(sample.fileName(), sample.contentType(), size);
        for (int attempt = 1; accepted.status() >= 500 && attempt < 6; attempt++) {
            Thread.sleep(200L * attempt);
            accepted = client.requestUpload(sample.fileName(), sample.contentType(), size);
        }
        if (accepted.status() != 201) {
            return new AcceptanceReport.Upload(sample, null, null, "the upload API answered " + accepted.status());
        }
        JsonNode body = accepted.body();
        int put = client.put(body.path("upload"), sample.file());
        for (int attempt = 1; put >= 500 && attempt < 6; attempt++) {
            // S3 sheds load with 503 SlowDown: a client backs off and sends the same bytes again. The URL is
            // write-once (If-None-Match: *), so a retry whose first try did land answers 412: it is there.
            Thread.sleep(200L * attempt);
            put = client.put(body.path("upload"), sample.file());
            if (put == 412) {
                put = 200;
            }
        }
        if (put / 100 != 2) {
            return new AcceptanceReport.Upload(sample, body.path("assetId").asText(), body.path("key").asText(), "S3 answered " + put);
        }
        if (duplicateEvent) {
            redeliver(stack, body.path("key").asText());
        }
        return new AcceptanceReport.Upload(sample, body.path("assetId").asText(), body.path("key").asText(), null);
    }

    /** S3 delivers at least once: the same ObjectCreated event again, as S3 would send it. */
    private static void redeliver(LocalStack stack, String key) {
        String bucket = stack.resources().bucketName("uploads");
        var head = stack.clients().s3().headObject(b -> b.bucket(bucket).key(key));
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                .put("eventTime", Instant.now().toString()).put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8))
                .put("size", head.contentLength()).put("eTag", head.eTag().replace("\"", ""));
        ObjectNode event = Json.mapper().createObjectNode();
        event.putArray("Records").add(record);
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().queueUrl("ingest")).messageBody(event.toString()));
    }

    private static List<AcceptanceReport.Outcome> awaitAll(LocalStack stack, List<AcceptanceReport.Upload> uploads, Duration wait)
            throws Exception {
        AssetflowClient client = new AssetflowClient(stack.apiEndpoint());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AcceptanceReport.Outcome>> futures = new ArrayList<>();
            for (AcceptanceReport.Upload upload : uploads) {
                futures.add(pool.submit(() -> new AcceptanceReport.Outcome(upload, upload.assetId() == null ? null
                        : client.awaitTerminal(upload.assetId(), wait, state -> { }).body())));
            }
            List<AcceptanceReport.Outcome> outcomes = new ArrayList<>();
            for (Future<AcceptanceReport.Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
