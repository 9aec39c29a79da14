package dev.assetflow.mediaconvertcompletion;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.video.MediaConvertNaming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state-change events of events/mediaconvert-completion, as SQS delivers them, read into what the function acts on. */
class JobStateChangeTest {

    private static JobStateChange sample(String name) {
        return JobStateChange.parse(EventLoader.loadSQSEvent("events/mediaconvert-completion/" + name + ".json").getRecords().get(0).getBody());
    }

    @Test
    void aCompleteEventNamesEveryOutputTheRenditionsAreFoundBy() {
        JobStateChange.Complete complete = (JobStateChange.Complete) sample("job-complete");

        assertThat(complete.job().jobId()).isEqualTo("1795515412345-q8x2lz");
        assertThat(complete.job().assetId()).contains("5b1f0a2e-6c3d-4e8a-9f1b-2a7c4d9e8f10");
        assertThat(complete.outputGroups()).extracting(JobStateChange.OutputGroup::type)
                .containsExactly("HLS_GROUP", "FILE_GROUP", "FILE_GROUP", "FILE_GROUP");
        JobStateChange.OutputGroup hls = complete.outputGroups().get(0);
        assertThat(hls.playlistFilePaths()).singleElement().asString().endsWith("/hls/master.m3u8");
        assertThat(hls.outputs()).hasSize(5).first().satisfies(o -> {
            assertThat(o.widthInPx()).isEqualTo(1920);
            assertThat(o.durationInMs()).isEqualTo(20000);
            assertThat(MediaConvertNaming.renditionOfHlsOutput(o.outputFilePaths().get(0))).contains("hls/1080p");
        });
        assertThat(MediaConvertNaming.renditionOfHlsOutput(hls.outputs().get(4).outputFilePaths().get(0))).contains("hls/audio");
        assertThat(MediaConvertNaming.captureIndex(complete.outputGroups().get(3).outputs().get(0).outputFilePaths().get(0))).contains(9);
    }

    @Test
    void progressErrorsAndForeignJobsAreReadAsTheyCome() {
        assertThat(sample("job-status-update")).isInstanceOfSatisfying(JobStateChange.Progress.class, p -> {
            assertThat(p.status()).isEqualTo("STATUS_UPDATE");
            assertThat(p.percentComplete()).isEqualTo(40);
        });
        assertThat(sample("job-error-input")).isInstanceOfSatisfying(JobStateChange.Error.class, e -> {
            assertThat(e.errorCode()).isEqualTo(1010);
            assertThat(e.errorMessage()).startsWith("Unable to open input file");
        });
        assertThat(sample("job-of-another-stack")).isInstanceOfSatisfying(JobStateChange.Error.class, e -> {
            assertThat(e.job().assetId()).isEmpty();
            assertThat(e.job().queue()).endsWith(":queues/Default");
        });
    }

    @Test
    void anythingElseIsUnreadableWithItsReason() {
        assertThat(JobStateChange.parse("not json")).isInstanceOf(JobStateChange.Unreadable.class);
        assertThat(JobStateChange.parse("{\"detail-type\": \"Scheduled Event\", \"detail\": {}}"))
                .isInstanceOfSatisfying(JobStateChange.Unreadable.class, u -> assertThat(u.reason()).contains("MediaConvert Job State Change"));
    }

    @ParameterizedTest
    @CsvSource({"1010, CORRUPT_MEDIA", "1030, CORRUPT_MEDIA", "1999, CORRUPT_MEDIA", "1401, CONFIGURATION", "1433, CONFIGURATION",
            "1550, CONFIGURATION", "3450, TRANSIENT", "3999, TRANSIENT", "0, INTERNAL"})
    void errorCodesBecomeCategories(int code, FailureCategory category) {
        assertThat(ErrorCodes.category(code)).isEqualTo(category);
    }
}
