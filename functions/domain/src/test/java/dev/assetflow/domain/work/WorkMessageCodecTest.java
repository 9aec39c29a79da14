package dev.assetflow.domain.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.failure.FailureCategory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkMessageCodecTest {

    @Test
    void roundTrips() {
        WorkMessage message = new WorkMessage(1, AssetId.random().value(), "image", "image/png",
                new SourceObject("b", "uploads/x/a b.png", "e", null, 10),
                new RouteInfo(Priority.CRITICAL, "images", "image-responsive", null, 3), null,
                Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(WorkMessageCodec.decode(WorkMessageCodec.encode(message)))
                .isEqualTo(new WorkMessageCodec.Valid(message));
    }

    @Test
    void nonJsonIsAnInvalidMessage() {
        assertThat(WorkMessageCodec.decode("this is not json"))
                .isInstanceOfSatisfying(WorkMessageCodec.Invalid.class, invalid -> {
                    assertThat(invalid.failure().category()).isEqualTo(FailureCategory.INVALID_MESSAGE);
                    assertThat(invalid.failure().reason()).contains("not valid JSON");
                });
    }

    @Test
    void schemaViolationsAreListed() {
        assertThat(WorkMessageCodec.decode("{\"schemaVersion\": 9, \"assetId\": \"../x\", \"kind\": \"hologram\"}"))
                .isInstanceOfSatisfying(WorkMessageCodec.Invalid.class, invalid -> assertThat(invalid.failure().reason())
                        .isEqualTo("invalid work message: unsupported schemaVersion 9, assetId is missing or not an asset id, "
                                + "source is missing, route.profile is missing, kind is missing or unknown"));
    }
}
