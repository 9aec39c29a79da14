package dev.assetflow.mediaconvertsubmitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.worker.WorkerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.mediaconvert.model.AccelerationMode;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;

/**
 * What we ask MediaConvert for, kept as reviewed JSON: the CreateJob request of every video profile for one
 * reference source (a 20-minute 1080p talk with sound) is in {@code src/test/resources/golden/<profile>.json}.
 * A change to the request shows as a change to that file in review. After a deliberate change, write the
 * files again with {@code -Dgolden.update=true} and review the diff.
 */
class JobRequestsTest {
    private static final ProfileCatalog PROFILES = WorkerService.loadProfiles("classpath:/profiles.json");
    private static final SourceVideo TALK = new SourceVideo(1920, 1080, 1200, 25, true);
    private static final JobRequests.Target TARGET = new JobRequests.Target("arn:aws:iam::123456789012:role/assetflow-prod-mediaconvert",
            "arn:aws:mediaconvert:us-east-1:123456789012:queues/assetflow-prod-standard", "assetflow-prod-renditions");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<VideoProfile> videoProfiles() {
        return PROFILES.videoProfiles().stream();
    }

    @ParameterizedTest
    @MethodSource("videoProfiles")
    void theRequestOfEveryVideoProfileIsTheReviewedOne(VideoProfile profile) throws IOException {
        CreateJobRequest request = JobRequests.create("5b1f0a2e-6c3d-4e8a-9f1b-2a7c4d9e8f10",
                "s3://assetflow-prod-uploads/uploads/5b1f0a2e-6c3d-4e8a-9f1b-2a7c4d9e8f10/talk.mp4", VideoLayout.of(profile, TALK), TARGET, 1);
        String json = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(SdkJson.of(request)) + "\n";
        Path golden = GOLDEN.resolve(profile.name() + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, json);
        }
        assertThat(golden).as("the reviewed request of profile " + profile.name() + " (write it with -Dgolden.update=true)").exists();
        assertThat(json).as("the CreateJob request of " + profile.name() + " differs from " + golden + "; review the change and"
                + " write it with -Dgolden.update=true").isEqualTo(Files.readString(golden));
    }

    @Test
    void theRequestAsksForTheLayoutOfTheFfmpegPaths() {
        VideoProfile profile = PROFILES.videoProfiles().get(0);
        VideoLayout layout = VideoLayout.of(profile, new SourceVideo(1280, 720, 30, 30, true));
        JsonNode json = SdkJson.of(JobRequests.create("a-1", "s3://u/uploads/a-1/x.mp4", layout, TARGET, 1));

        JsonNode hls = json.at("/settings/outputGroups/0");
        assertThat(hls.at("/outputGroupSettings/hlsGroupSettings/destination").asText())
                .isEqualTo("s3://assetflow-prod-renditions/renditions/a-1/" + profile.name() + "/v" + profile.version() + "/hls/master");
        assertThat(hls.path("outputs")).as("one output per rung, never above the 720p source, and the audio")
                .hasSize(layout.ladder().size() + 1);
        assertThat(layout.ladder()).allSatisfy(rung -> assertThat(rung.height()).isLessThanOrEqualTo(720));
        assertThat(json.at("/settings/outputGroups/1/outputGroupSettings/fileGroupSettings/destination").asText())
                .endsWith("/mp4/" + layout.fallbackRung());
        assertThat(json.at("/settings/outputGroups/3/outputs/0/videoDescription/codecSettings/frameCaptureSettings/maxCaptures").asInt())
                .isEqualTo(layout.storyboard().count());
        assertThat(json.at("/userMetadata/assetId").asText()).isEqualTo("a-1");
        assertThat(json.at("/accelerationSettings/mode").asText()).as("a 30 s source does not qualify")
                .isEqualTo(AccelerationMode.DISABLED.toString());
    }

    @Test
    void aRedeliveryGetsTheSameTokenAndAResubmissionANewOne() {
        VideoLayout layout = VideoLayout.of(PROFILES.videoProfiles().get(0), TALK);
        assertThat(JobRequests.idempotencyToken("a-1", layout, 1)).isEqualTo(JobRequests.idempotencyToken("a-1", layout, 1))
                .isNotEqualTo(JobRequests.idempotencyToken("a-1", layout, 2))
                .isNotEqualTo(JobRequests.idempotencyToken("a-2", layout, 1));
    }

    @Test
    void aSilentSourceGetsNoAudioOutputOrSelector() {
        VideoLayout layout = VideoLayout.of(PROFILES.videoProfiles().get(0), new SourceVideo(640, 360, 10, 25, false));
        JsonNode json = SdkJson.of(JobRequests.create("a-1", "s3://u/k", layout, TARGET, 1));
        assertThat(json.at("/settings/inputs/0/audioSelectors").isMissingNode()).isTrue();
        assertThat(json.at("/settings/outputGroups/0/outputs")).hasSize(layout.ladder().size());
        assertThat(List.of(json.at("/settings/outputGroups/1/outputs/0/audioDescriptions").isMissingNode())).containsOnly(true);
    }

    @Test
    void aReprocessJobLeavesOutWhatAnEarlierJobMadeTheSameWay() {
        VideoLayout layout = VideoLayout.of(PROFILES.videoProfiles().get(0), new SourceVideo(1280, 720, 30, 30, true))
                .keeping(java.util.Set.of("hls/720p", "hls/480p", "hls/audio", "mp4/720p", "poster", "storyboard"));
        JsonNode json = SdkJson.of(JobRequests.create("a-1", "s3://u/k", layout, TARGET, 2));
        assertThat(json.at("/settings/outputGroups")).as("the HLS group alone: no MP4, no captures").hasSize(1);
        assertThat(json.at("/settings/outputGroups/0/outputs")).as("only the 360p rung, no audio rendition").singleElement()
                .satisfies(output -> assertThat(output.at("/videoDescription/height").asInt()).isEqualTo(360))
                .satisfies(output -> assertThat(output.at("/containerSettings/cmfcSettings/audioRenditionSets").isMissingNode()).isTrue());
        assertThat(json.at("/settings/inputs/0/audioSelectors").isMissingNode()).as("the source's sound stays selectable").isFalse();
    }
}
