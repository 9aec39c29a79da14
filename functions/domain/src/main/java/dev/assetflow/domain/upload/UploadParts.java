package dev.assetflow.domain.upload;

/** The parts of a multipart upload: what a client says it sent, and what the store holds. */
public final class UploadParts {

    private UploadParts() {
    }

    /** A part as the client reports it after its PUT: its number and the ETag S3 answered. */
    public record Receipt(int partNumber, String etag) {}

    /** A part as S3 holds it. */
    public record Stored(int partNumber, String etag, long sizeBytes) {}

    /** ETags are quoted hex strings; clients often drop the quotes (a header value read by a shell or a browser). */
    public static String normalEtag(String etag) {
        return etag == null ? "" : etag.strip().replace("\"", "").toLowerCase(java.util.Locale.ROOT);
    }
}
