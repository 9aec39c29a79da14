package dev.assetflow.domain.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssetIdTest {

    @Test
    void derivedIdsAreStableAndDistinct() {
        assertThat(AssetId.derivedFrom("b/k#etag=1")).isEqualTo(AssetId.derivedFrom("b/k#etag=1"));
        assertThat(AssetId.derivedFrom("b/k#etag=1")).isNotEqualTo(AssetId.derivedFrom("b/k#etag=2"));
    }

    @Test
    void rejectsAnythingThatIsNotALowercaseUuid() {
        assertThatThrownBy(() -> new AssetId("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AssetId.isValid("6F9619FF-8B86-D011-B42D-00CF4FC964FF")).isFalse();
        assertThat(AssetId.isValid(AssetId.random().value())).isTrue();
    }

    @Test
    void sourceIdentityPrefersTheVersionIdOverTheEtag() {
        assertThat(new SourceObject("b", "uploads/x/a b.png", "e1", "v1", 3).identity()).isEqualTo("b/uploads/x/a b.png#v=v1");
        assertThat(new SourceObject("b", "k", "e1", null, 3).identity()).isEqualTo("b/k#etag=e1");
        assertThat(new SourceObject("b", "uploads/x/a b.png", "e", null, 3).fileName()).isEqualTo("a b.png");
    }
}
