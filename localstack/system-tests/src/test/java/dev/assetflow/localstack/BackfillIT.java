package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.backfill.DynamoBackfillCheckpoints;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.backfill.BackfillRun;
import dev.assetflow.domain.upload.UploadPolicy;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.ops.backfill.BackfillCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A controlled backfill on a stack of its own: objects already in the uploads bucket under {@code archive/} (no
 * notification fires there) are brought in by {@code scripts/backfill} in batches of 3 at a bounded rate, at bulk
 * priority whatever their rule says; paused after the first batch, the run halts at its checkpoint and resumes
 * from it without introducing anything twice; non-media objects end with their category; the totals add up.
 */
class BackfillIT {
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules());
    }

    @Test
    void anArchiveIsBroughtInBatchByBatchPausedResumedAndEveryObjectEndsWithAnOutcome() throws Exception {
        String bucket = stack.resources().bucketName("uploads");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path picture = TestMedia.SAMPLES.picture(dir.resolve("p" + i + ".png"), 320 + 16 * i, 240);
            keys.add(put(bucket, "archive/2019/picture-" + i + ".png", Files.readAllBytes(picture)));
        }
        keys.add(put(bucket, "archive/2019/notes.txt", "minutes of the 2019 meeting\n".getBytes(StandardCharsets.UTF_8)));
        keys.add(put(bucket, "archive/2019/empty.bin", new byte[0]));
        Thread.sleep(3000);
        assertThat(keys).as("nothing under archive/ is ingested by itself").allSatisfy(key -> assertThat(asset(bucket, key)).isEmpty());

        ExecutorService runner = Executors.newSingleThreadExecutor();
        ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
        Future<Integer> first = runner.submit(() -> backfill(firstOut, "start", "--bucket", bucket, "--prefix", "archive/2019/",
                "--batch-size", "3", "--rate", "5", "--run", "bf-archive"));
        DynamoBackfillCheckpoints checkpoints = new DynamoBackfillCheckpoints(stack.clients().dynamoDb(),
                stack.resources().tableName("backfills"));
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until) && checkpoints.load("bf-archive").map(BackfillRun::settledTotal).orElse(0L) < 3) {
            Thread.sleep(200);
        }
        assertThat(backfill(new ByteArrayOutputStream(), "pause", "--run", "bf-archive")).isZero();
        assertThat(first.get(60, TimeUnit.SECONDS)).as(firstOut.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        BackfillRun paused = checkpoints.load("bf-archive").orElseThrow();
        assertThat(paused.state()).isEqualTo(BackfillRun.State.PAUSED);
        assertThat(paused.settledTotal()).isBetween(3L, 6L);
        assertThat(firstOut.toString(StandardCharsets.UTF_8)).contains("counted 7 objects under s3://" + bucket + "/archive/2019/",
                "batch 1: 3 objects listed", "batch 1 settled", "of 7 settled", "assets/s, ETA ",
                "resume with: scripts/backfill resume --run bf-archive");

        ByteArrayOutputStream resumedOut = new ByteArrayOutputStream();
        Future<Integer> resumed = runner.submit(() -> backfill(resumedOut, "resume", "--run", "bf-archive"));
        assertThat(resumed.get(180, TimeUnit.SECONDS)).as(resumedOut.toString(StandardCharsets.UTF_8)).isZero();
        runner.shutdownNow();
        BackfillRun done = checkpoints.load("bf-archive").orElseThrow();
        assertThat(done.state()).isEqualTo(BackfillRun.State.DONE);
        assertThat(done.introducedTotal()).as("every object introduced once, across the pause").isEqualTo(7);
        assertThat(done.settledTotal()).isEqualTo(7);
        assertThat(done.batchNumber()).isEqualTo(3);
        assertThat(done.outcomes()).containsEntry("READY", 5L).containsEntry("FAILED/EMPTY_FILE", 1L)
                .containsKey("QUARANTINED/UNSUPPORTED_TYPE");
        for (String key : keys.subList(0, 5)) {
            Asset asset = asset(bucket, key).orElseThrow();
            assertThat(asset.route().queue().label()).as("the images rule says critical; a backfill holds it to bulk").isEqualTo("bulk");
        }
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        backfill(status, "status", "--run", "bf-archive");
        assertThat(status.toString(StandardCharsets.UTF_8)).contains("DONE", "7 introduced and 7 of 7 settled");
    }

    @Test
    void onAwsTheBackfillFunctionDrivesTheRunStepByStepOnItsOwnQueue() throws Exception {
        String bucket = stack.resources().bucketName("uploads");
        for (int i = 0; i < 3; i++) {
            Path picture = TestMedia.SAMPLES.picture(dir.resolve("r" + i + ".png"), 400, 300 + 8 * i);
            put(bucket, "library/2020/remote-" + i + ".png", Files.readAllBytes(picture));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(backfill(out, "start", "--bucket", bucket, "--prefix", "library/2020/", "--batch-size", "2", "--rate", "5",
                "--run", "bf-remote", "--remote")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("the backfill function drives bf-remote now");
        DynamoBackfillCheckpoints checkpoints = new DynamoBackfillCheckpoints(stack.clients().dynamoDb(),
                stack.resources().tableName("backfills"));
        Instant until = Instant.now().plusSeconds(150);
        while (Instant.now().isBefore(until)
                && checkpoints.load("bf-remote").map(BackfillRun::state).orElseThrow() != BackfillRun.State.DONE) {
            Thread.sleep(500);
        }
        BackfillRun done = checkpoints.load("bf-remote").orElseThrow();
        assertThat(done.state()).as(done.toString()).isEqualTo(BackfillRun.State.DONE);
        assertThat(done.introducedTotal()).isEqualTo(3);
        assertThat(done.objectsTotal()).as("counted by the function's first step").hasValue(3);
        assertThat(done.outcomes()).containsEntry("READY", 3L);
        assertThat(done.batchNumber()).isEqualTo(2);
    }

    private static String put(String bucket, String key, byte[] bytes) {
        stack.clients().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        return key;
    }

    private static Optional<Asset> asset(String bucket, String key) {
        var head = stack.clients().s3().headObject(b -> b.bucket(bucket).key(key));
        SourceObject object = new SourceObject(bucket, key, head.eTag().replace("\"", ""), null, head.contentLength());
        return new DynamoAssetRepository(stack.clients().dynamoDb(), stack.resources().tableName("assets"))
                .find(UploadPolicy.assetIdFor(object));
    }

    private static int backfill(ByteArrayOutputStream out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--stack", stack.resources().names().prefix(), "--endpoint", stack.awsEndpoint().toString()));
        return BackfillCommand.run(CommandOptions.parse(List.of("--remote"), all.toArray(String[]::new)), new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
