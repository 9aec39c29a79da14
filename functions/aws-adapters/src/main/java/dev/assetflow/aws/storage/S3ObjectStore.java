package dev.assetflow.aws.storage;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link ObjectStore} on S3. */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;
    private final Supplier<S3Presigner> presigner;

    /** @param presigner built on first use: most callers never need a URL */
    public S3ObjectStore(S3Client s3, Supplier<S3Presigner> presigner) {
        this.s3 = s3;
        this.presigner = presigner;
    }

    @Override
    public Optional<StoredObject> head(String bucket, String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(bucket, key, head.contentLength(), head.eTag(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw SdkFailures.translate(e, "HeadObject s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "HeadObject s3://" + bucket + "/" + key);
        }
    }

    @Override
    public byte[] readPrefix(String bucket, String key, int maxBytes) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                    .range("bytes=0-" + (maxBytes - 1)));
            return bytes.asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return new byte[0]; // a range request on an empty object
            }
            throw SdkFailures.translate(e, "GetObject (first bytes) s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetObject (first bytes) s3://" + bucket + "/" + key);
        }
    }

    @Override
    public void download(String bucket, String key, Path target) {
        try {
            s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(target));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetObject s3://" + bucket + "/" + key);
        }
    }

    @Override
    public long bytesUnder(String bucket, String prefix) {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .mapToLong(object -> object.size()).sum();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "ListObjectsV2 s3://" + bucket + "/" + prefix);
        }
    }

    /** Lists the prefix and deletes a listing page (at most 1,000 keys) per DeleteObjects request. */
    @Override
    public long deleteUnder(String bucket, String prefix) {
        try {
            long deleted = 0;
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
                List<ObjectIdentifier> keys = page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                if (keys.isEmpty()) {
                    continue;
                }
                var response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    throw SdkFailures.translate(S3Exception.builder().message(response.errors().get(0).code() + ": "
                            + response.errors().get(0).message()).statusCode(500).build(), "DeleteObjects s3://" + bucket + "/" + prefix);
                }
                deleted += keys.size();
            }
            return deleted;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "deleting s3://" + bucket + "/" + prefix + "*");
        }
    }

    @Override
    public void delete(String bucket, String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "DeleteObject s3://" + bucket + "/" + key);
        }
    }

    @Override
    public String readUrl(String bucket, String key, Duration expiry) {
        return presigner.get().presignGetObject(p -> p.signatureDuration(expiry)
                .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toString();
    }

    @Override
    public long upload(String bucket, String key, Path file, String contentType, String cacheControl) {
        try {
            long size = file.toFile().length();
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl).contentLength(size),
                    RequestBody.fromFile(file));
            return size;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutObject s3://" + bucket + "/" + key);
        }
    }
}
