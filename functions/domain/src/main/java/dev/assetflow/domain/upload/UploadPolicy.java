package dev.assetflow.domain.upload;

import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.SourceObject;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether an upload may start: a known content type, a size within the limit, a usable file
 * name. The key is {@code uploads/<assetId>/<file name>}; the name keeps spaces and Unicode, but never
 * a path separator, a control character or a leading dot.
 * {@code application/octet-stream} is accepted: the pipeline detects the real type from the content.
 * An empty file (size 0) is accepted too and ends FAILED with EMPTY_FILE, so that the client can read
 * why from {@code GET /assets/{id}} like for any other bad file. A file above the multipart threshold is
 * sent in parts ({@link MultipartPlan}); one at or below it in one PUT.
 */
public final class UploadPolicy {
    public static final String KEY_PREFIX = "uploads/";
    static final int MAX_NAME_LENGTH = 200;

    private static final Set<String> CONTENT_TYPES = Set.of(
            "image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff", "image/svg+xml",
            "video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/mpeg", "video/ogg", "video/3gpp",
            "audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/aac", "audio/wav", "audio/x-wav", "audio/flac", "audio/ogg",
            "audio/opus", "audio/webm", "audio/x-matroska",
            "application/pdf", "application/octet-stream");

    private final Limits limits;
    private final Supplier<AssetId> ids;

    /**
     * @param maxBytes           the largest upload accepted (at most S3's 5 TiB)
     * @param multipartThreshold above this size the bytes go in parts
     * @param minPartBytes       the smallest part of a multipart plan (S3's floor is 5 MiB)
     */
    public record Limits(long maxBytes, long multipartThreshold, long minPartBytes) {
        public Limits {
            if (maxBytes <= 0 || maxBytes > MultipartPlan.S3_MAX_OBJECT_BYTES) {
                throw new IllegalArgumentException("the largest upload must be 1 byte to 5 TiB (S3's limit), not " + maxBytes);
            }
            if (multipartThreshold < 0 || multipartThreshold > MultipartPlan.S3_MAX_PART_BYTES) {
                throw new IllegalArgumentException("the multipart threshold must be at most 5 GiB (S3's single PUT limit), not "
                        + multipartThreshold);
            }
            MultipartPlan.of(maxBytes, minPartBytes); // the largest upload must have a plan
        }
    }

    public UploadPolicy(Limits limits, Supplier<AssetId> ids) {
        this.limits = limits;
        this.ids = ids;
    }

    public UploadDecision decide(UploadRequest request) {
        if (request == null || request.fileName() == null || request.fileName().isBlank()
                || request.contentType() == null || request.contentType().isBlank() || request.sizeBytes() == null) {
            return refused(UploadDecision.Reason.INVALID_REQUEST,
                    "fileName, contentType and sizeBytes are all required");
        }
        String contentType = request.contentType().trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(contentType)) {
            return refused(UploadDecision.Reason.UNSUPPORTED_CONTENT_TYPE, "content type '" + request.contentType()
                    + "' is not accepted; accepted: images, video, audio, PDF, or application/octet-stream");
        }
        if (request.sizeBytes() < 0) {
            return refused(UploadDecision.Reason.INVALID_REQUEST, "sizeBytes cannot be negative");
        }
        if (request.sizeBytes() > limits.maxBytes()) {
            return refused(UploadDecision.Reason.TOO_LARGE,
                    "the file is " + request.sizeBytes() + " bytes; the limit is " + limits.maxBytes() + " bytes");
        }
        String name = safeName(request.fileName());
        if (name.isEmpty()) {
            return refused(UploadDecision.Reason.INVALID_REQUEST, "fileName has no usable characters");
        }
        AssetId id = ids.get();
        UploadDecision.Transfer transfer = request.sizeBytes() > limits.multipartThreshold()
                ? new UploadDecision.Transfer.Multipart(MultipartPlan.of(request.sizeBytes(), limits.minPartBytes()))
                : new UploadDecision.Transfer.SinglePut();
        return new UploadDecision.Accepted(id, KEY_PREFIX + id.value() + "/" + name, contentType, request.sizeBytes(), transfer);
    }

    /** The last path segment, without control characters or leading dots, at most 200 characters. */
    static String safeName(String fileName) {
        String lastSegment = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        lastSegment.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String name = clean.toString().strip().replaceFirst("^\\.+", "");
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    /** Uploads through the API carry their asset id in the key; any other object gets a stable one derived from its identity. */
    public static AssetId assetIdFor(SourceObject source) {
        String fromKey = assetIdInKey(source.key());
        return fromKey != null ? new AssetId(fromKey) : AssetId.derivedFrom(source.identity());
    }

    /** The asset id a key of the form {@code uploads/<assetId>/...} carries, if any. */
    public static String assetIdInKey(String key) {
        if (!key.startsWith(KEY_PREFIX)) {
            return null;
        }
        int end = key.indexOf('/', KEY_PREFIX.length());
        String candidate = end < 0 ? null : key.substring(KEY_PREFIX.length(), end);
        return AssetId.isValid(candidate) ? candidate : null;
    }

    private static UploadDecision refused(UploadDecision.Reason reason, String message) {
        return new UploadDecision.Refused(reason, message);
    }
}
