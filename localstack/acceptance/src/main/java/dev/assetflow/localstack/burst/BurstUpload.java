package dev.assetflow.localstack.burst;

import dev.assetflow.uploader.FileUpload;
import dev.assetflow.uploader.PartTransport;
import dev.assetflow.uploader.UploadApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the burst, through the uploader ({@code scripts/upload}'s code): {@code POST /uploads}
 * (timed to its answer: the confirmation), then the bytes as one PUT or in parts (timed to the original
 * being stored, the completion included). A refused or failed upload is recorded with its reason.
 *
 * @param confirmationNanos POST sent → the URL or plan received
 * @param transferNanos     the answer received → the original stored
 * @param stored            when the original was stored, by this machine's clock (the asset's history uses it too)
 */
record BurstUpload(String name, boolean multipart, long bytes, String assetId, long confirmationNanos, long transferNanos,
        Instant stored, String problem) {

    /**
     * @param transport one for the whole run: clients of one JVM share its connection pool, as they would not
     *                  share a machine (a client each would mean an HTTP client and its selector thread each)
     * @param answered run once when the API has answered (or the upload failed before it did) */
    static BurstUpload send(UploadApiClient api, PartTransport transport, FileUpload.Options options, Path file, String name,
            boolean multipart, String contentType, Runnable answered) {
        long started = System.nanoTime();
        AtomicLong confirmed = new AtomicLong();
        FileUpload upload = new FileUpload(api, transport, options, new FileUpload.Listener() {
            @Override
            public void started(Path f, String assetId, long sizeBytes, long bytesAlreadyStored) {
                confirmed.set(System.nanoTime());
                answered.run();
            }
        });
        try (Once once = new Once(confirmed, answered)) {
            long bytes = Files.size(file);
            FileUpload.Result result = upload.upload(file, contentType);
            long confirmation = confirmed.get() == 0 ? -1 : confirmed.get() - started;
            return switch (result) {
                case FileUpload.Result.Uploaded done -> new BurstUpload(name, multipart, bytes, done.assetId(), confirmation,
                        System.nanoTime() - confirmed.get(), Instant.now(), null);
                case FileUpload.Result.Refused refused -> new BurstUpload(name, multipart, bytes, null, confirmation, -1, null,
                        "refused: HTTP " + refused.status() + " " + refused.message());
                case FileUpload.Result.Failed failed -> new BurstUpload(name, multipart, bytes, failed.assetId(), confirmation, -1, null,
                        "failed: " + failed.message());
                case FileUpload.Result.Interrupted interrupted -> new BurstUpload(name, multipart, bytes, interrupted.assetId(),
                        confirmation, -1, null, "interrupted");
            };
        } catch (Exception e) {
            return new BurstUpload(name, multipart, 0, null, -1, -1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Runs {@code answered} at the end when the listener never did (refused, or failed before an answer). */
    private record Once(AtomicLong confirmed, Runnable answered) implements AutoCloseable {
        @Override
        public void close() {
            if (confirmed.get() == 0) {
                answered.run();
            }
        }
    }
}
