package dev.assetflow.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.video.EncodeEstimate;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.Storyboard;
import dev.assetflow.domain.video.VideoLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimate is arithmetic on the plan and the price table; these check the arithmetic and the table's checks. */
class CostEstimatorTest {
    private static final PriceTable PRICES = new PriceTable("2026-12-01", "us-east-1", "USD", List.of(), null,
            new PriceTable.Lambda(0.00001, 0.0000002), new PriceTable.MediaConvert(new PriceTable.PerOutputMinute(0.01, 0.02, 0.04, 0.005)));
    private static final CostEstimator ESTIMATOR = new CostEstimator(PRICES, Map.of(
            "video-worker", new CostEstimator.WorkerSize(3538, 900), "image-worker", new CostEstimator.WorkerSize(2048, 30)));

    private static VideoLayout layout(double seconds, boolean audio, LadderRung... rungs) {
        SourceVideo source = new SourceVideo(3840, 2160, seconds, 25, audio);
        return new VideoLayout("p", 1, source, List.of(rungs), rungs[rungs.length - 1].name(), 4, "veryfast", 128,
                new VideoLayout.Poster(1, 640, 360), new Storyboard(10, 6, 6, 1, 160, 90, seconds), java.util.Set.of());
    }

    @Test
    void mediaConvertBillsEveryOutputMinuteAtItsClass() {
        VideoLayout layout = layout(600, true, new LadderRung("2160p", 3840, 2160, 1, 1, "5.1"),
                new LadderRung("1080p", 1920, 1080, 1, 1, "4.1"), new LadderRung("360p", 640, 360, 1, 1, "3.0"));

        CostEstimate estimate = ESTIMATOR.mediaConvert(layout);

        // 10 min x (uhd 0.04 + hd 0.02 + sd 0.01 + the MP4 at 360p 0.01 + two captures 0.02 + audio 0.005)
        assertThat(estimate.usd()).isCloseTo(10 * 0.105, within(1e-9));
        assertThat(estimate.engine()).isEqualTo("mediaconvert");
        assertThat(estimate.basis()).contains("10.00 min x 7 outputs").contains("UHD=1").contains("AUDIO=1");
        assertThat(estimate.pricesAsOf()).isEqualTo("2026-12-01");
        assertThat(estimate.toMedia()).containsEntry("usd", 1.05).containsEntry("pricesAsOf", "2026-12-01");
    }

    @Test
    void aShortOutputIsBilledAsTenSeconds() {
        CostEstimate estimate = ESTIMATOR.mediaConvert(layout(2, false, new LadderRung("360p", 640, 360, 1, 1, "3.0")));
        assertThat(estimate.usd()).isCloseTo(10.0 / 60 * (0.01 + 0.01 + 0.02), within(1e-9));
    }

    @Test
    void ffmpegInLambdaIsTheEncodeSpreadOverTheWorkersVcpusInGbSeconds() {
        CostEstimate estimate = ESTIMATOR.ffmpeg("ffmpeg", "video-worker", new EncodeEstimate(1, 1, 1, 200));

        double vcpus = 3538 / 1769.0;
        double gbSeconds = 200 / vcpus * 3538 / 1024;
        assertThat(estimate.usd()).isCloseTo(gbSeconds * 0.00001 + 0.0000002, within(1e-12));
        assertThat(estimate.basis()).contains("346 GB-s of video-worker").contains("2.0 vCPUs");
        assertThat(ESTIMATOR.atMost("image-worker").usd()).isCloseTo(2.0 * 30 * 0.00001 + 0.0000002, within(1e-12));
    }

    @Test
    void aPriceTableWithoutItsDateOrPricesIsRefused() {
        assertThatThrownBy(() -> PriceTable.parse("{\"lambda\": {\"perGbSecond\": 0}}")).isInstanceOf(ConfigInvalidException.class)
                .hasMessageContaining("asOf").hasMessageContaining("perGbSecond").hasMessageContaining("mediaConvert");
    }
}
