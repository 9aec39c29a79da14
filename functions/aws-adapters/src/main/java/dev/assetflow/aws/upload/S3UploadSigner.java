package dev.assetflow.aws.upload;

import dev.assetflow.domain.upload.UploadSigner;
import java.time.Duration;
import dev.assetflow.aws.clients.TracePropagation;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned S3 PUT URLs. Content-Type and Content-Length are part of the signature, so S3 refuses an
 * upload whose type or size differs from what the client asked for
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html), and so is
 * {@code If-None-Match: *}: the URL writes the original once and cannot be replayed to overwrite it
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
 */
public final class S3UploadSigner implements UploadSigner {
    private final S3Presigner presigner;

    public S3UploadSigner(S3Presigner presigner) {
        this.presigner = presigner;
    }

    @Override
    public SignedUpload signPut(String bucket, String key, String contentType, long sizeBytes, Duration expiry) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p
                .signatureDuration(expiry)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(sizeBytes)
                        .ifNoneMatch("*")));
        return signedUpload(signed);
    }

    /** What a client needs from a presigned request: URL, method and every signed header but Host. */
    static SignedUpload signedUpload(PresignedRequest signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        // not signed: S3 passes it on to the upload's event notification, so the trace goes on through ingest
        // (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-s3.html)
        TracePropagation.current().ifPresent(trace -> headers.put(TracePropagation.HEADER, trace));
        return new SignedUpload(signed.url().toString(), signed.httpRequest().method().name(), headers, signed.expiration());
    }

    /** {@code content-type} → {@code Content-Type}: how clients and docs spell headers. */
    static String canonical(String header) {
        StringBuilder name = new StringBuilder(header.length());
        boolean upper = true;
        for (char c : header.toCharArray()) {
            name.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return name.toString();
    }
}
