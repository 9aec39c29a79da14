package dev.assetflow.uploadapi;

import dev.assetflow.domain.upload.MultipartStore;
import dev.assetflow.domain.upload.MultipartUpload;
import dev.assetflow.domain.upload.UploadSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of part URLs: a client of a 10 GiB file (1,280 parts) asks for them a page at a time, as it goes,
 * so that no URL expires while it waits its turn, and asks again for the parts whose URLs did.
 */
final class PartUrls {
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    record SignedPart(int partNumber, long sizeBytes, String url, String method, Map<String, String> headers,
            java.time.Instant expiresAt) {}

    /** {@code nextPartNumber} and {@code next} are null on the last page. */
    record Page(List<SignedPart> parts, Integer nextPartNumber, String next) {}

    private PartUrls() {
    }

    static Page page(MultipartStore store, MultipartUpload upload, int from, int count, Duration expiry) {
        int last = Math.min(upload.plan().partCount(), from + count - 1);
        List<SignedPart> parts = new ArrayList<>();
        for (int part = from; part <= last; part++) {
            long bytes = upload.plan().length(part);
            UploadSigner.SignedUpload signed = store.signPart(upload.bucket(), upload.key(), upload.s3UploadId(), part, bytes, expiry);
            parts.add(new SignedPart(part, bytes, signed.url(), signed.method(), signed.headers(), signed.expiresAt()));
        }
        boolean more = last < upload.plan().partCount();
        return new Page(parts, more ? last + 1 : null,
                more ? "/uploads/" + upload.assetId().value() + "/parts?from=" + (last + 1) + "&count=" + count : null);
    }

    /** Which parts a client asks URLs for ({@code ?from=N&count=M}), or why the request cannot be served. */
    sealed interface Range {
        record Parts(int from, int count) implements Range {}

        record Invalid(String message) implements Range {}
    }

    static Range range(Map<String, String> query, int partCount) {
        Map<String, String> q = query == null ? Map.of() : query;
        int from;
        int count;
        try {
            from = Integer.parseInt(q.getOrDefault("from", "1"));
            count = Integer.parseInt(q.getOrDefault("count", Integer.toString(DEFAULT_COUNT)));
        } catch (NumberFormatException e) {
            return new Range.Invalid("from and count must be whole numbers");
        }
        if (from < 1 || from > partCount) {
            return new Range.Invalid("from must be a part number, 1.." + partCount);
        }
        if (count < 1 || count > MAX_COUNT) {
            return new Range.Invalid("count must be 1.." + MAX_COUNT);
        }
        return new Range.Parts(from, count);
    }

    /** What {@code GET /uploads/{uploadId}/parts} answers: a page of part URLs and where the next one starts. */
    static Map<String, Object> pageView(String uploadId, Page page) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uploadId", uploadId);
        view.put("parts", page.parts());
        view.put("nextPartNumber", page.nextPartNumber());
        view.put("next", page.next());
        return view;
    }

    /** The {@code multipart} member of {@code POST /uploads}: the plan, then the first page. */
    static Map<String, Object> plan(MultipartUpload upload, Page first) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uploadId", upload.assetId().value());
        view.put("sizeBytes", upload.plan().sizeBytes());
        view.put("partSize", upload.plan().partSize());
        view.put("partCount", upload.plan().partCount());
        view.putAll(pageView(upload.assetId().value(), first));
        view.put("complete", "/uploads/" + upload.assetId().value() + "/complete");
        view.put("expiresAt", upload.expiresAt());
        return view;
    }
}
