package dev.assetflow.domain.asset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route a shadow copy of an asset's work is sent with (README, "Shadow pipeline"). */
class ShadowCopyRouteTest {

    @Test
    void theShadowRunsInBulkWithTheShadowProfileAndTheRulesFfmpegEngine() {
        RouteInfo segmented = new RouteInfo(Priority.CRITICAL, "long-video", "video-abr", "ffmpeg-segmented", 7, "p-video-critical", 2, null)
                .withShadow("video-abr-next");
        RouteInfo copy = segmented.shadowCopy();
        assertThat(copy.queue()).isEqualTo(Priority.BULK);
        assertThat(copy.profile()).isEqualTo("video-abr-next");
        assertThat(copy.transcoder()).as("a long video's shadow is made in chunks too").isEqualTo("ffmpeg-segmented");
        assertThat(copy.generation()).isEqualTo(2);
        assertThat(copy.shadowProfile()).as("a shadow has no shadow").isNull();
    }

    @Test
    void aRuleWithoutAnEngineOrWithMediaConvertGetsItsShadowFromFfmpegByTheEstimate() {
        assertThat(new RouteInfo(Priority.STANDARD, "video", "video-abr", null, 1).withShadow("next").shadowCopy().transcoder()).isNull();
        assertThat(new RouteInfo(Priority.STANDARD, "video", "video-abr", "mediaconvert", 1).withShadow("next").shadowCopy().transcoder())
                .isNull();
    }
}
