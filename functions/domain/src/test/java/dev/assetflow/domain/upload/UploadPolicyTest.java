package dev.assetflow.domain.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.AssetId;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {
    static final AssetId ID = new AssetId("0f8fad5b-d9cb-469f-a165-70867728950e");
    private final UploadPolicy policy = new UploadPolicy(new UploadPolicy.Limits(1000, 1000, 8 * MultipartPlan.MIB), () -> ID);

    @Test
    void acceptsAKnownTypeWithinTheLimit() {
        assertThat(policy.decide(new UploadRequest("My Cat +1 ü.PNG", "Image/PNG", 1000L)))
                .isEqualTo(new UploadDecision.Accepted(ID, "uploads/" + ID + "/My Cat +1 ü.PNG", "image/png", 1000,
                        new UploadDecision.Transfer.SinglePut()));
    }

    @Test
    void aFileAboveTheThresholdGoesInPartsAndTenGibIsWithinTheDefaultLimit() {
        long gib = 1024 * MultipartPlan.MIB;
        UploadPolicy defaults = new UploadPolicy(new UploadPolicy.Limits(10 * gib, 64 * MultipartPlan.MIB, 8 * MultipartPlan.MIB), () -> ID);
        assertThat(defaults.decide(new UploadRequest("a.mov", "video/quicktime", 64 * MultipartPlan.MIB)))
                .isInstanceOfSatisfying(UploadDecision.Accepted.class,
                        a -> assertThat(a.transfer()).isInstanceOf(UploadDecision.Transfer.SinglePut.class));
        assertThat(defaults.decide(new UploadRequest("a.mov", "video/quicktime", 10 * gib)))
                .isInstanceOfSatisfying(UploadDecision.Accepted.class, a -> assertThat(a.transfer())
                        .isEqualTo(new UploadDecision.Transfer.Multipart(new MultipartPlan(10 * gib, 8 * MultipartPlan.MIB, 1280))));
        assertThat(defaults.decide(new UploadRequest("a.mov", "video/quicktime", 10 * gib + 1)))
                .isInstanceOf(UploadDecision.Refused.class);
    }

    @Test
    void limitsBeyondWhatS3StoresAreRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UploadPolicy.Limits(6L << 40, 64, 8 * MultipartPlan.MIB))
                .hasMessageContaining("5 TiB");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UploadPolicy.Limits(1000, 6L << 30, 8 * MultipartPlan.MIB))
                .hasMessageContaining("single PUT");
    }

    @Test
    void refusesMissingFieldsUnknownTypesAndOversizedFiles() {
        assertThat(policy.decide(new UploadRequest(null, "image/png", 1L)))
                .isInstanceOfSatisfying(UploadDecision.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(UploadDecision.Reason.INVALID_REQUEST);
                    assertThat(r.message()).contains("fileName, contentType and sizeBytes");
                });
        assertThat(policy.decide(new UploadRequest("a.exe", "application/x-msdownload", 10L)))
                .isInstanceOfSatisfying(UploadDecision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(UploadDecision.Reason.UNSUPPORTED_CONTENT_TYPE));
        assertThat(policy.decide(new UploadRequest("logo.svg", "image/svg+xml", 10L))).isInstanceOf(UploadDecision.Accepted.class);
        assertThat(policy.decide(new UploadRequest("a.png", "image/png", 1001L)))
                .isInstanceOfSatisfying(UploadDecision.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(UploadDecision.Reason.TOO_LARGE);
                    assertThat(r.message()).contains("1001", "1000");
                });
        assertThat(policy.decide(new UploadRequest("a.png", "image/png", -1L)))
                .isInstanceOfSatisfying(UploadDecision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(UploadDecision.Reason.INVALID_REQUEST));
        assertThat(policy.decide(new UploadRequest("empty.png", "image/png", 0L)))
                .isInstanceOf(UploadDecision.Accepted.class);
    }

    @Test
    void fileNamesCannotEscapeTheirFolder() {
        assertThat(UploadPolicy.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadPolicy.safeName("..\\..\\boot.ini")).isEqualTo("boot.ini");
        assertThat(UploadPolicy.safeName("..hidden")).isEqualTo("hidden");
        assertThat(UploadPolicy.safeName("a\u0000b\nc\u202e.png")).isEqualTo("abc.png");
        assertThat(UploadPolicy.safeName("x".repeat(300))).hasSize(200);
        assertThat(policy.decide(new UploadRequest("../", "image/png", 5L)))
                .isInstanceOf(UploadDecision.Refused.class);
    }

    @Test
    void findsTheAssetIdInAKey() {
        assertThat(UploadPolicy.assetIdInKey("uploads/" + ID + "/a b.png")).isEqualTo(ID.value());
        assertThat(UploadPolicy.assetIdInKey("uploads/not-an-id/a.png")).isNull();
        assertThat(UploadPolicy.assetIdInKey("elsewhere/" + ID + "/a.png")).isNull();
    }
}
