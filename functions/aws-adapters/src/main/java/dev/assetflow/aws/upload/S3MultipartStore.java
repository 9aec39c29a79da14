package dev.assetflow.aws.upload;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.upload.MultipartStore;
import dev.assetflow.domain.upload.UploadParts;
import dev.assetflow.domain.upload.UploadSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedUploadPartRequest;

/**
 * S3 multipart uploads (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html). The
 * content type is fixed when the upload starts; each part URL signs the part's exact Content-Length, so S3
 * refuses a part of another size; completion sends {@code If-None-Match: *}, so a completed original is
 * never replaced (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
 */
public final class S3MultipartStore implements MultipartStore {
    private final S3Client s3;
    private final S3Presigner presigner;

    public S3MultipartStore(S3Client s3, S3Presigner presigner) {
        this.s3 = s3;
        this.presigner = presigner;
    }

    @Override
    public String start(String bucket, String key, String contentType) {
        try {
            return s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "starting a multipart upload of " + key);
        }
    }

    @Override
    public UploadSigner.SignedUpload signPart(String bucket, String key, String uploadId, int partNumber, long partBytes,
            Duration expiry) {
        PresignedUploadPartRequest signed = presigner.presignUploadPart(p -> p.signatureDuration(expiry)
                .uploadPartRequest(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(partBytes)));
        return S3UploadSigner.signedUpload(signed);
    }

    @Override
    public Optional<List<UploadParts.Stored>> storedParts(String bucket, String key, String uploadId) {
        List<UploadParts.Stored> parts = new ArrayList<>();
        try {
            Integer marker = null;
            ListPartsResponse page;
            do { // at most 1,000 parts a page (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html)
                Integer from = marker;
                page = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumberMarker(from));
                page.parts().forEach(p -> parts.add(new UploadParts.Stored(p.partNumber(), p.eTag(), p.size())));
                marker = page.nextPartNumberMarker();
            } while (Boolean.TRUE.equals(page.isTruncated()) && marker != null);
            return Optional.of(parts);
        } catch (NoSuchUploadException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "listing the parts of " + key);
        }
    }

    @Override
    public Completion complete(String bucket, String key, String uploadId, List<UploadParts.Receipt> parts) {
        try {
            String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(parts.stream()
                            .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build()).toList())))
                    .eTag();
            return new Completion.Completed(etag);
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            return switch (code) {
                case "PreconditionFailed", "ConditionalRequestConflict" -> new Completion.AlreadyExists();
                case "InvalidPart", "InvalidPartOrder", "EntityTooSmall", "NoSuchUpload" ->
                        new Completion.Refused(code + ": " + e.awsErrorDetails().errorMessage());
                default -> throw SdkFailures.translate(e, "completing the multipart upload of " + key);
            };
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "completing the multipart upload of " + key);
        }
    }

    @Override
    public void abort(String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            // already aborted or completed: nothing left to drop
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "aborting the multipart upload of " + key);
        }
    }
}
