package dev.assetflow.imageworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.image.ImageFormat;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.work.WorkMessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The image worker's input: the sample work messages in events/image-worker, and the bundled profiles. */
class WorkMessageSampleTest {

    @ParameterizedTest
    @Event(value = "events/image-worker/work-message.json", type = SQSEvent.class)
    void readsTheWorkMessageIngestSends(SQSEvent event) {
        assertThat(WorkMessageCodec.decode(event.getRecords().get(0).getBody()))
                .isInstanceOfSatisfying(WorkMessageCodec.Valid.class, valid -> {
                    assertThat(valid.message().assetId()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
                    assertThat(valid.message().route().queue()).isEqualTo(Priority.CRITICAL);
                    assertThat(valid.message().route().profile()).isEqualTo("image-responsive");
                    assertThat(valid.message().source().key()).endsWith("/My Cat +1 ü.png");
                });
        assertThat(event.getRecords().get(0).getMessageAttributes().get("kind").getStringValue()).isEqualTo("image");
    }

    @ParameterizedTest
    @Event(value = "events/image-worker/schema-invalid.json", type = SQSEvent.class)
    void aSchemaInvalidMessageIsAnInvalidMessage(SQSEvent event) {
        assertThat(WorkMessageCodec.decode(event.getRecords().get(0).getBody()))
                .isInstanceOfSatisfying(WorkMessageCodec.Invalid.class,
                        invalid -> assertThat(invalid.failure().category()).isEqualTo(FailureCategory.INVALID_MESSAGE));
    }

    @Test
    void theBundledProfilesAreValid() throws Exception {
        ProfileCatalog catalog = ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json"));
        assertThat(catalog.image("image-responsive")).hasValueSatisfying(profile -> {
            assertThat(profile.widths()).containsExactly(320, 640, 1280);
            assertThat(profile.formats()).containsExactly(ImageFormat.WEBP, ImageFormat.JPEG);
        });
    }
}
