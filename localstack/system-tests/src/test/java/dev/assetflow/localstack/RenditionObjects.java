package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a browser or CDN gets for every object of an asset's renditions: a key that ends in the file's
 * name and extension, the content type of that file (never application/octet-stream, which makes a
 * browser download instead of show), and a Cache-Control for immutable, versioned outputs.
 */
final class RenditionObjects {
    /** The expectation, written out here rather than taken from the code under test. */
    private static final Map<String, String> TYPES = Map.of(
            "webp", "image/webp", "jpg", "image/jpeg", "m3u8", "application/vnd.apple.mpegurl",
            "m4s", "video/iso.segment", "mp4", "video/mp4", "m4a", "audio/mp4", "vtt", "text/vtt",
            "json", "application/json", "png", "image/png");

    private RenditionObjects() {
    }

    /** @return the keys checked, so a caller can say which files it expects */
    static List<String> assertServable(LocalStackExtension.Fixture fx, String assetId) {
        return assertServable(fx.stack(), assetId);
    }

    static List<String> assertServable(LocalStack stack, String assetId) {
        S3Client s3 = stack.clients().s3();
        String bucket = stack.resources().bucketName("renditions");
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("renditions/" + assetId + "/")).contents()
                .stream().map(S3Object::key).toList();
        assertThat(keys).as("renditions of " + assetId).isNotEmpty();
        for (String key : keys) {
            String name = key.substring(key.lastIndexOf('/') + 1);
            assertThat(name).as(key + " ends in a file name with an extension").contains(".");
            String extension = name.substring(name.lastIndexOf('.') + 1);
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            assertThat(head.contentType()).as(key).isEqualTo(TYPES.getOrDefault(extension, "an extension this test knows"));
            assertThat(head.cacheControl()).as(key).isEqualTo("public, max-age=31536000, immutable");
        }
        return keys;
    }
}
