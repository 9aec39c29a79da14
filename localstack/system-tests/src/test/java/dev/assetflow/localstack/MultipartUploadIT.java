package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.uploader.AssetFollower;
import dev.assetflow.uploader.Backoff;
import dev.assetflow.uploader.FileUpload;
import dev.assetflow.uploader.PartPut;
import dev.assetflow.uploader.PartTransport;
import dev.assetflow.uploader.ResumeState;
import dev.assetflow.uploader.UploadApiClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart uploads through the API, as the uploader ({@code scripts/upload}) sends them, on the shared
 * stack (multipart above 64 MiB, parts of 8 MiB): a 200 MiB file with a failed part PUT and an interruption,
 * resumed and completed, becomes READY; an aborted upload leaves nothing; every bad completion is a 4xx
 * naming what is wrong.
 */
@ExtendWith(LocalStackExtension.class)
class MultipartUploadIT {
    private static final long MIB = 1024 * 1024;

    @Test
    void twoHundredMibInPartsRetriedInterruptedAndResumedBecomesReady(LocalStackExtension.Fixture fx, @TempDir Path dir)
            throws Exception {
        Path wav = TestMedia.SAMPLES.audio(dir.resolve("interview.wav"), 1200); // 44.1 kHz stereo: 201.9 MiB
        UploadApiClient api = new UploadApiClient(fx.stack().apiEndpoint());
        FileUpload.Options options = new FileUpload.Options(3, 4, new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                new ResumeState(dir.resolve("state")));

        // the first run is interrupted (as by Ctrl-C) once 8 parts are stored
        AtomicInteger stored = new AtomicInteger();
        AtomicReference<Thread> uploader = new AtomicReference<>();
        PartTransport interrupting = (signed, file, offset, length, sent) -> {
            PartTransport.Result result = new PartPut().put(signed, file, offset, length, sent);
            if (result.ok() && stored.incrementAndGet() == 8) {
                uploader.get().interrupt();
            }
            return result;
        };
        AtomicReference<FileUpload.Result> outcome = new AtomicReference<>();
        uploader.set(Thread.ofPlatform().unstarted(() ->
                outcome.set(upload(new FileUpload(api, interrupting, options, new FileUpload.Listener() {}), wav))));
        uploader.get().start();
        uploader.get().join(Duration.ofMinutes(5));
        FileUpload.Result first = outcome.get();
        assertThat(first).isInstanceOf(FileUpload.Result.Interrupted.class);
        String uploadId = ((FileUpload.Result.Interrupted) first).assetId();
        JsonNode halfway = api.multipartUpload(uploadId).body();
        assertThat(halfway.path("state").asText()).isEqualTo("OPEN");
        assertThat(halfway.path("partCount").asInt()).isEqualTo(26);
        int storedBefore = halfway.path("partsStored").asInt();
        assertThat(storedBefore).as("GET /uploads/{id} lists what S3 holds").isBetween(8, 25);
        assertThat(halfway.path("bytesStored").asLong()).isEqualTo(halfway.path("parts").findValues("sizeBytes").stream()
                .mapToLong(JsonNode::asLong).sum());

        // the second run resumes from the state file; its first PUT fails as a dropped connection does
        AtomicInteger puts = new AtomicInteger();
        PartTransport dropsTheFirstPut = (signed, file, offset, length, sent) -> {
            if (puts.incrementAndGet() == 1) {
                sent.accept(length / 2);
                throw new IOException("connection reset (injected by the test)");
            }
            return new PartPut().put(signed, file, offset, length, sent);
        };
        FileUpload.Result second = upload(new FileUpload(api, dropsTheFirstPut, options, new FileUpload.Listener() {}), wav);
        assertThat(second).isInstanceOfSatisfying(FileUpload.Result.Uploaded.class, done -> {
            assertThat(done.assetId()).isEqualTo(uploadId);
            assertThat(done.partsResumed()).isEqualTo(storedBefore);
            assertThat(done.partsSent()).isEqualTo(26 - storedBefore);
            assertThat(done.retries()).isEqualTo(1);
        });
        assertThat(puts.get()).as("only the missing parts went again, one of them twice").isEqualTo(26 - storedBefore + 1);

        JsonNode asset = new AssetFollower(api, Duration.ofMillis(500)).follow(uploadId, Duration.ofMinutes(4), ignored -> { }).body();
        assertThat(asset.path("state").asText()).as(asset.toString()).isEqualTo("READY");
        assertThat(asset.path("original").path("sizeBytes").asLong()).isEqualTo(java.nio.file.Files.size(wav));
        assertThat(asset.path("kind").asText()).isEqualTo("audio");
        JsonNode completed = api.multipartUpload(uploadId).body();
        assertThat(completed.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("etag").asText()).as("S3's multipart ETag counts the parts").endsWith("-26\"");
        UploadApiClient.ApiResponse again = api.complete(uploadId, List.of(new UploadApiClient.PartReceipt(1, "anything")));
        assertThat(again.status()).as("completing twice answers the first completion").isEqualTo(200);
        assertThat(again.body().path("etag").asText()).isEqualTo(completed.path("etag").asText());
        assertThat(options.resume().find(wav)).as("a finished upload forgets its state").isEmpty();
    }

    @Test
    void anAbortedUploadLeavesNothingBehindAndNoAsset(LocalStackExtension.Fixture fx, @TempDir Path dir) throws Exception {
        UploadApiClient api = new UploadApiClient(fx.stack().apiEndpoint());
        Path file = sparse(dir.resolve("draft.mov"), 70 * MIB);
        JsonNode plan = started(api, "draft.mov", 70 * MIB);
        String uploadId = plan.path("uploadId").asText();
        assertThat(new PartPut().put(plan.path("parts").get(0), file, 0, 8 * MIB, n -> { }).ok()).isTrue();

        assertThat(api.abort(uploadId).status()).isEqualTo(204);
        assertThat(api.abort(uploadId).status()).as("aborting twice is no error").isEqualTo(204);
        String bucket = fx.stack().resources().bucketName("uploads");
        assertThat(fx.stack().clients().s3().listMultipartUploads(b -> b.bucket(bucket).prefix("uploads/" + uploadId)).uploads())
                .isEmpty();
        assertThat(fx.stack().clients().s3().listObjectsV2(b -> b.bucket(bucket).prefix("uploads/" + uploadId)).contents()).isEmpty();
        assertThat(api.multipartUpload(uploadId).body().path("state").asText()).isEqualTo("ABORTED");
        assertError(api.complete(uploadId, List.of(new UploadApiClient.PartReceipt(1, "x"))), 409, "aborted", "was aborted");
        assertError(api.partUrls(uploadId, 1, 10), 409, "aborted", "start a new one");
        Thread.sleep(3000); // what would have come of an upload has had time to arrive: nothing does
        assertThat(api.asset(uploadId).status()).isEqualTo(404);
    }

    @Test
    void aBadCompletionIsRefusedNamingThePart(LocalStackExtension.Fixture fx, @TempDir Path dir) throws Exception {
        UploadApiClient api = new UploadApiClient(fx.stack().apiEndpoint());
        Path file = sparse(dir.resolve("take.mov"), 70 * MIB); // 8 parts of 8 MiB and one of 6 MiB
        JsonNode plan = started(api, "take.mov", 70 * MIB);
        String uploadId = plan.path("uploadId").asText();
        assertThat(plan.path("partCount").asInt()).isEqualTo(9);
        assertThat(plan.path("parts").get(0).path("headers").path("Content-Length").asText()).isEqualTo(Long.toString(8 * MIB));
        assertThat(URI.create(plan.path("parts").get(0).path("url").asText()).getRawQuery())
                .contains("partNumber=1", "X-Amz-Expires=900");
        String one = new PartPut().put(plan.path("parts").get(0), file, 0, 8 * MIB, n -> { }).etag();
        String two = new PartPut().put(plan.path("parts").get(1), file, 8 * MIB, 8 * MIB - 1, n -> { }).etag(); // a byte short

        List<UploadApiClient.PartReceipt> all = IntStream.rangeClosed(1, 9)
                .mapToObj(n -> new UploadApiClient.PartReceipt(n, n == 1 ? one : n == 2 ? two : "\"0123\"")).toList();
        assertError(api.complete(uploadId, all.subList(0, 2)), 400, "invalid_parts", "part 3 is missing from the list");
        assertError(api.complete(uploadId, List.of(all.get(1), all.get(0))), 400, "invalid_parts",
                "ascending order without repeats: part 1 comes after part 2");
        List<UploadApiClient.PartReceipt> wrongEtag = new ArrayList<>(all);
        wrongEtag.set(1, new UploadApiClient.PartReceipt(2, "\"feed\""));
        assertError(api.complete(uploadId, wrongEtag), 400, "invalid_parts", "part 2's ETag \"feed\" is not the ETag of the stored part");
        assertError(api.complete(uploadId, all), 400, "invalid_parts", "part 2 is 8388607 bytes; the plan says 8388608");
        assertError(api.complete(uploadId, List.of()), 400, "invalid_request", "must list the parts");
        assertError(api.complete("0f8fad5b-d9cb-469f-a165-70867728950e", all), 404, "not_found", "no multipart upload");
        assertError(api.partUrls(uploadId, 10, 5), 400, "invalid_request", "from must be a part number, 1..9");
        assertError(api.requestUpload("huge.mov", "video/quicktime", 10L * 1024 * MIB + 1), 413, "too_large", "10737418240");
        assertThat(api.multipartUpload(uploadId).body().path("state").asText()).as("nothing was completed").isEqualTo("OPEN");
        assertThat(api.abort(uploadId).status()).isEqualTo(204);
    }

    @Test
    void anExpiredPartUrlIsRefusedAndAFreshOneFromTheApiWorks(LocalStackExtension.Fixture fx, @TempDir Path dir) throws Exception {
        UploadApiClient api = new UploadApiClient(fx.stack().apiEndpoint());
        Path file = sparse(dir.resolve("late.mov"), 70 * MIB);
        JsonNode plan = started(api, "late.mov", 70 * MIB);
        String uploadId = plan.path("uploadId").asText();
        try {
            // the URLs live 900 s; the local gate judges them 16 minutes on, as S3 would a client that slept that long
            fx.stack().urlGate().judgeAsIfLater(Duration.ofMinutes(16));
            PartTransport.Result late = new PartPut().put(plan.path("parts").get(0), file, 0, 8 * MIB, n -> { });
            assertThat(late.status()).isEqualTo(403);
            assertThat(late.excerpt()).contains("<Code>AccessDenied</Code>", "Request has expired");
        } finally {
            fx.stack().urlGate().judgeAsIfLater(Duration.ZERO);
        }
        JsonNode fresh = api.partUrls(uploadId, 1, 1).body();
        assertThat(fresh.path("parts")).hasSize(1);
        assertThat(fresh.path("nextPartNumber").asInt()).isEqualTo(2);
        assertThat(new PartPut().put(fresh.path("parts").get(0), file, 0, 8 * MIB, n -> { }).ok()).isTrue();
        assertThat(api.multipartUpload(uploadId).body().path("partsStored").asInt()).isEqualTo(1);
        assertThat(api.abort(uploadId).status()).isEqualTo(204);
    }

    private static FileUpload.Result upload(FileUpload upload, Path file) {
        try {
            return upload.upload(file, "audio/wav");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode started(UploadApiClient api, String name, long size) {
        UploadApiClient.ApiResponse response = api.requestUpload(name, "video/quicktime", size);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().has("upload")).as("a multipart upload has no single PUT").isFalse();
        return response.body().path("multipart");
    }

    /** A file of that size without writing its bytes (they read as zeros). */
    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private static void assertError(UploadApiClient.ApiResponse response, int status, String code, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().path("error").asText()).isEqualTo(code);
        assertThat(response.body().path("message").asText()).contains(message);
    }
}
