package dev.assetflow.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void anUploadIsIdentifiedByBucketKeyAndEtag() {
        IdempotencyKey first = IdempotencyKey.forUpload("b", "uploads/a b+c/ü.png", "etag1", null);
        assertThat(first).isEqualTo(IdempotencyKey.forUpload("b", "uploads/a b+c/ü.png", "etag1", null));
        assertThat(first.value()).startsWith("upload#").hasSize("upload#".length() + 64);
        assertThat(first).isNotEqualTo(IdempotencyKey.forUpload("b", "uploads/a b+c/ü.png", "etag2", null));
        assertThat(first).isNotEqualTo(IdempotencyKey.forUpload("other", "uploads/a b+c/ü.png", "etag1", null));
    }

    @Test
    void aVersionIdWinsOverTheEtag() {
        assertThat(IdempotencyKey.forUpload("b", "k", "etag1", "v1"))
                .isEqualTo(IdempotencyKey.forUpload("b", "k", "etag2", "v1"))
                .isNotEqualTo(IdempotencyKey.forUpload("b", "k", "etag1", "v2"));
    }

    @Test
    void partsCannotBeShiftedIntoOneAnother() {
        assertThat(IdempotencyKey.of("n", "ab", "c")).isNotEqualTo(IdempotencyKey.of("n", "a", "bc"));
    }

    @Test
    void aRenditionIsIdentifiedByAssetRenditionAndProfileVersion() {
        IdempotencyKey v1 = IdempotencyKey.forRendition("asset", "640w.webp", "image-responsive", 1);
        assertThat(v1).isEqualTo(IdempotencyKey.forRendition("asset", "640w.webp", "image-responsive", 1));
        assertThat(v1).isNotEqualTo(IdempotencyKey.forRendition("asset", "640w.webp", "image-responsive", 2));
        assertThat(v1.value()).startsWith("rendition#");
    }
}
