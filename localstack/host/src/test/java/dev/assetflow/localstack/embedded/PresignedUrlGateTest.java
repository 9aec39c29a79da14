package dev.assetflow.localstack.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresignedUrlGateTest {

    @Test
    void aPresignedRequestExpiresAtItsSigningTimePlusItsLifetime() {
        assertThat(PresignedUrlGate.expiry("partNumber=3&uploadId=abc&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261203T051500Z"
                + "&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=900&X-Amz-Signature=00"))
                .contains(Instant.parse("2026-12-03T05:30:00Z"));
    }

    @Test
    void otherRequestsHaveNoExpiryAndAnUnreadableOneHasExpired() {
        assertThat(PresignedUrlGate.expiry(null)).isEmpty();
        assertThat(PresignedUrlGate.expiry("list-type=2&prefix=uploads%2F")).isEmpty();
        assertThat(PresignedUrlGate.expiry("X-Amz-Date=yesterday&X-Amz-Expires=900")).contains(Instant.EPOCH);
    }
}
