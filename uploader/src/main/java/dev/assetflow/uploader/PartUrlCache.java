package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Part URLs of one upload, fetched a page at a time as the parts come up, so that none expires while it
 * waits its turn; a URL close to its expiry, or one S3 refused (403), is fetched again.
 */
final class PartUrlCache implements FileUpload.SignedUrls {
    private static final int PAGE = 100;
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final UploadApiClient api;
    private final String uploadId;
    private final Map<Integer, JsonNode> urls = new HashMap<>();

    PartUrlCache(UploadApiClient api, String uploadId, JsonNode firstPage) {
        this.api = api;
        this.uploadId = uploadId;
        add(firstPage);
    }

    @Override
    public synchronized JsonNode url(int partNumber) {
        JsonNode signed = urls.get(partNumber);
        if (signed == null || Instant.parse(signed.path("expiresAt").asText()).isBefore(Instant.now().plus(MARGIN))) {
            UploadApiClient.ApiResponse page = api.partUrls(uploadId, partNumber, PAGE);
            if (page.status() != 200) {
                throw new ApiRefusal(page.status(), "part URLs: " + page.message());
            }
            add(page.body().path("parts"));
            signed = urls.get(partNumber);
        }
        return signed;
    }

    @Override
    public synchronized void forget(int partNumber) {
        urls.remove(partNumber);
    }

    private void add(JsonNode parts) {
        if (parts != null) {
            parts.forEach(part -> urls.put(part.path("partNumber").asInt(), part));
        }
    }

    /** The API said no: a status and its message (a 4xx will not change on a retry). */
    static final class ApiRefusal extends RuntimeException {
        final int status;

        ApiRefusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
