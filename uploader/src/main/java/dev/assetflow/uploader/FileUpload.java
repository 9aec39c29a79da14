package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads one file the way the API wants it: one PUT, or its parts in parallel (each retried with backoff,
 * its URL fetched again when it expired), then the completion. An interrupted multipart upload resumes:
 * the upload id is kept in a {@link ResumeState} file, the parts S3 already holds are skipped.
 */
public final class FileUpload {
    /** How long a stopped run waits for the part requests it had in flight. */
    static final Duration PARTS_SETTLE = Duration.ofMinutes(5);

    /**
     * @param parallelParts parts in flight at once per file
     * @param maxAttempts   tries per part (or per single PUT) before the file fails
     */
    public record Options(int parallelParts, int maxAttempts, Backoff backoff, ResumeState resume) {
        public static Options defaults(Path stateDirectory) {
            return new Options(4, 6, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20)), new ResumeState(stateDirectory));
        }
    }

    /** What the upload does, as it goes: for progress bars and logs. */
    public interface Listener {
        default void started(Path file, String assetId, long sizeBytes, long bytesAlreadyStored) {}

        /** {@code bytes} more went out (negative: a failed attempt's bytes, taken back). */
        default void sent(Path file, long bytes) {}

        default void retrying(Path file, int partNumber, int attempt, String why) {}
    }

    public sealed interface Result {
        /** The original is stored and the asset will follow. */
        record Uploaded(String assetId, int partsSent, int partsResumed, int retries) implements Result {}

        /** The API refused (a 4xx: too large, unsupported type, ...) with its message. */
        record Refused(int status, String message) implements Result {}

        /** Gave up after retries; a multipart upload keeps its resume state, so running again resumes it. */
        record Failed(String assetId, String message) implements Result {}

        record Interrupted(String assetId) implements Result {}
    }

    private final UploadApiClient api;
    private final PartTransport transport;
    private final Options options;
    private final Listener listener;

    public FileUpload(UploadApiClient api, PartTransport transport, Options options, Listener listener) {
        this.api = api;
        this.transport = transport;
        this.options = options;
        this.listener = listener;
    }

    public Result upload(Path file, String contentType) throws IOException {
        long size = Files.size(file);
        var resumed = options.resume().find(file).filter(entry -> entry.api().equals(api.api().toString()));
        if (resumed.isPresent()) {
            UploadApiClient.ApiResponse known = api.multipartUpload(resumed.get().uploadId());
            String state = known.status() == 200 ? known.body().path("state").asText() : "";
            if (state.equals("COMPLETED")) {
                options.resume().forget(file);
                return new Result.Uploaded(resumed.get().uploadId(), 0, known.body().path("partCount").asInt(), 0);
            }
            if (state.equals("OPEN")) {
                return parts(file, known.body(), null, known.body().path("parts"));
            }
            options.resume().forget(file); // aborted, expired or unknown: start afresh
        }
        UploadApiClient.ApiResponse started = api.requestUpload(file.getFileName().toString(), contentType, size);
        if (started.status() != 201) {
            return new Result.Refused(started.status(), started.message());
        }
        String assetId = started.body().path("assetId").asText();
        if (started.body().has("multipart")) {
            JsonNode plan = started.body().path("multipart");
            options.resume().save(file, new ResumeState.Entry(plan.path("uploadId").asText(), api.api().toString()));
            return parts(file, plan, plan.path("parts"), null);
        }
        listener.started(file, assetId, size, 0);
        return single(file, assetId, started.body().path("upload"), size);
    }

    private Result single(Path file, String assetId, JsonNode signed, long size) {
        AtomicInteger retries = new AtomicInteger();
        try {
            send(file, 1, 0, size, new SignedUrls() {
                @Override
                public JsonNode url(int partNumber) {
                    return signed;
                }

                @Override
                public void forget(int partNumber) {
                    // one URL per asset: a new one is a new asset, so a refused PUT is retried as it is
                }
            }, retries, true);
            return new Result.Uploaded(assetId, 1, 0, retries.get());
        } catch (PartFailed e) {
            return new Result.Failed(assetId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Interrupted(assetId);
        }
    }

    private Result parts(Path file, JsonNode plan, JsonNode firstUrls, JsonNode storedParts) {
        String uploadId = plan.path("uploadId").asText();
        long partSize = plan.path("partSize").asLong();
        int partCount = plan.path("partCount").asInt();
        long size = plan.path("sizeBytes").asLong();
        Map<Integer, String> etags = new ConcurrentHashMap<>();
        long stored = 0;
        if (storedParts != null) {
            for (JsonNode part : storedParts) {
                etags.put(part.path("partNumber").asInt(), part.path("etag").asText());
                stored += part.path("sizeBytes").asLong();
            }
        }
        int resumed = etags.size();
        listener.started(file, uploadId, size, stored);
        PartUrlCache urls = new PartUrlCache(api, uploadId, firstUrls);
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelParts(), Thread.ofPlatform().daemon().factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int part = 1; part <= partCount; part++) {
                if (etags.containsKey(part)) {
                    continue;
                }
                int number = part;
                long offset = (part - 1) * partSize;
                long length = Math.min(partSize, size - offset);
                running.add(pool.submit(() -> {
                    etags.put(number, send(file, number, offset, length, urls, retries, false).etag());
                    return null;
                }));
            }
            for (Future<?> part : running) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Interrupted(uploadId);
        } catch (ExecutionException e) {
            return new Result.Failed(uploadId, e.getCause().getMessage() + " (run again to resume)");
        } finally {
            pool.shutdownNow();
            awaitParts(pool);
        }
        List<UploadApiClient.PartReceipt> receipts = etags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new UploadApiClient.PartReceipt(e.getKey(), e.getValue())).toList();
        UploadApiClient.ApiResponse completed = api.complete(uploadId, receipts);
        if (completed.status() != 200) {
            return new Result.Failed(uploadId, "completing: HTTP " + completed.status() + " " + completed.message());
        }
        options.resume().forget(file);
        return new Result.Uploaded(uploadId, partCount - resumed, resumed, retries.get());
    }

    /**
     * Waits for the parts still being sent when the run stops (an interrupt does not stop a request whose bytes are on
     * the wire): once a run has returned, S3 holds all it will from that run, so the next one resumes from the truth.
     */
    private static void awaitParts(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(PARTS_SETTLE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                System.err.println("upload: some part requests were still running after " + PARTS_SETTLE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One part (or the whole file), tried until S3 stores it or the attempts run out. */
    private PartTransport.Result send(Path file, int partNumber, long offset, long length,
            SignedUrls urls, AtomicInteger retries, boolean single) throws InterruptedException {
        String why = "";
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            AtomicLong counted = new AtomicLong();
            try {
                PartTransport.Result result = transport.put(urls.url(partNumber), file, offset, length, n -> {
                    counted.addAndGet(n);
                    listener.sent(file, n);
                });
                if (result.ok() || (single && result.status() == 412 && attempt > 1)) {
                    return result; // 412 on a retried single PUT: the first attempt stored it (If-None-Match)
                }
                why = "HTTP " + result.status() + " " + result.excerpt().replaceAll("\\s+", " ");
                if (result.status() == 403) {
                    urls.forget(partNumber); // expired (or refused): the next attempt signs it again
                }
                boolean resignable = result.status() == 403 && !single;
                if (result.status() / 100 == 4 && !resignable && result.status() != 408 && result.status() != 429) {
                    throw new PartFailed("part " + partNumber + " refused: " + why);
                }
            } catch (IOException e) {
                why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (PartUrlCache.ApiRefusal e) {
                if (e.status / 100 == 4) {
                    throw new PartFailed(e.getMessage());
                }
                why = e.getMessage();
            } catch (java.io.UncheckedIOException e) {
                why = e.getMessage();
            }
            listener.sent(file, -counted.get());
            if (attempt < options.maxAttempts()) {
                retries.incrementAndGet();
                listener.retrying(file, partNumber, attempt, why);
                Thread.sleep(options.backoff().delay(attempt).toMillis());
            }
        }
        throw new PartFailed("part " + partNumber + " failed " + options.maxAttempts() + " times; last: " + why);
    }

    /** Where a part's signed URL comes from. */
    interface SignedUrls {
        JsonNode url(int partNumber);

        void forget(int partNumber);
    }

    static final class PartFailed extends RuntimeException {
        PartFailed(String message) {
            super(message);
        }
    }
}
