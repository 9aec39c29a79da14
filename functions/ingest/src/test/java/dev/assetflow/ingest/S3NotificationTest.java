package dev.assetflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.failure.FailureCategory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Ingest's reading of the AWS-shaped sample events in events/ingest. */
class S3NotificationTest {

    @ParameterizedTest
    @Event(value = "events/ingest/s3-object-created.json", type = SQSEvent.class)
    void decodesTheFormEncodedKeyOfACreatedObject(SQSEvent event) {
        S3Notification parsed = S3Notification.parse(event.getRecords().get(0).getBody());

        assertThat(parsed).isInstanceOfSatisfying(S3Notification.ObjectsCreated.class, created -> {
            assertThat(created.ignoredRecords()).isZero();
            SourceObject source = created.objects().get(0);
            assertThat(source.bucket()).isEqualTo("assetflow-prod-uploads");
            assertThat(source.key()).isEqualTo("uploads/0f8fad5b-d9cb-469f-a165-70867728950e/My Cat +1 ü.png");
            assertThat(source.fileName()).isEqualTo("My Cat +1 ü.png");
            assertThat(source.etag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
            assertThat(source.sizeBytes()).isEqualTo(48213);
            assertThat(IngestService.assetIdFor(source)).isEqualTo(new AssetId("0f8fad5b-d9cb-469f-a165-70867728950e"));
        });
        assertThat(event.getRecords().get(0).getEventSourceArn()).endsWith(":assetflow-prod-ingest");
    }

    @ParameterizedTest
    @Event(value = "events/ingest/backfill-object.json", type = SQSEvent.class)
    void readsAnObjectABackfillHandsOver(SQSEvent event) {
        assertThat(S3Notification.parse(event.getRecords().get(0).getBody())).isInstanceOfSatisfying(S3Notification.Backfilled.class, b -> {
            assertThat(b.runId()).isEqualTo("backfill-1a2b3c4d");
            assertThat(b.object()).isEqualTo(new SourceObject("assetflow-prod-uploads", "archive/2019/Board meeting ü.mp4",
                    "9b2cf535f27731c974343645a3985328", null, 73400320));
        });
    }

    @ParameterizedTest
    @Event(value = "events/ingest/s3-test-event.json", type = SQSEvent.class)
    void recognisesTheS3TestEvent(SQSEvent event) {
        assertThat(S3Notification.parse(event.getRecords().get(0).getBody())).isInstanceOf(S3Notification.TestEvent.class);
    }

    @ParameterizedTest
    @Event(value = "events/ingest/s3-object-removed.json", type = SQSEvent.class)
    void ignoresOtherEventTypes(SQSEvent event) {
        assertThat(S3Notification.parse(event.getRecords().get(0).getBody()))
                .isEqualTo(new S3Notification.ObjectsCreated(List.of(), 1));
    }

    @ParameterizedTest
    @Event(value = "events/ingest/not-json.json", type = SQSEvent.class)
    void aBodyThatIsNotJsonIsAnInvalidMessage(SQSEvent event) {
        assertThat(S3Notification.parse(event.getRecords().get(0).getBody()))
                .isInstanceOfSatisfying(S3Notification.Unreadable.class, unreadable -> {
                    assertThat(unreadable.failure().category()).isEqualTo(FailureCategory.INVALID_MESSAGE);
                    assertThat(unreadable.failure().reason()).contains("not JSON", "hello from a misconfigured producer");
                });
    }

    @Test
    void jsonThatIsNotAnS3EventIsAnInvalidMessage() {
        assertThat(S3Notification.parse("{\"hello\": 1}")).isInstanceOfSatisfying(S3Notification.Unreadable.class,
                unreadable -> assertThat(unreadable.failure().reason()).contains("not an S3 event notification"));
        assertThat(S3Notification.parse("[1, 2]")).isInstanceOf(S3Notification.Unreadable.class);
    }

    @Test
    void anObjectOutsideTheApiGetsAStableDerivedId() {
        SourceObject source = new SourceObject("b", "partner-drop/file.png", "etag", null, 5);
        assertThat(IngestService.assetIdFor(source)).isEqualTo(IngestService.assetIdFor(source))
                .isEqualTo(AssetId.derivedFrom("b/partner-drop/file.png#etag=etag"));
    }
}
