package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnginePlanTest {
    /** What the development machine's 1080p ladder measured: 0.5 s of 25 fps video per CPU-second. */
    static final double CALIBRATION = 3_635_520 * 12.5;
    static final EnginePlan.WorkerBudget VIDEO_WORKER = EnginePlan.WorkerBudget.ofLambda(Duration.ofSeconds(900), 3008, 0.8);
    static final double HALF_A_BUDGET = VIDEO_WORKER.cpuSeconds() * EnginePlan.CHUNK_SHARE_OF_BUDGET;

    @Test
    void theEstimateCountsFramesTimesOutputPixelsOfEveryRung() {
        SourceVideo source = new SourceVideo(1920, 1080, 60, 25, true);
        List<LadderRung> ladder = LadderPlanner.plan(LadderPlannerTest.PROFILE, source);
        EncodeEstimate estimate = EncodeEstimate.of(ladder, source, "veryfast", CALIBRATION);
        assertThat(estimate.frames()).isEqualTo(1500);
        assertThat(estimate.outputPixelsPerFrame()).isEqualTo(1920 * 1080 + 1280 * 720 + 854 * 480 + 640 * 360);
        assertThat(estimate.cpuSeconds()).as("a minute of 1080p at 0.5 s of video per CPU-second").isCloseTo(120, within(0.5));
        assertThat(EncodeEstimate.of(ladder, source, "medium", CALIBRATION).cpuSeconds()).isCloseTo(288, within(1.0));
    }

    @Test
    void aShortVideoIsTranscodedInOneInvocation() {
        SourceVideo source = new SourceVideo(1920, 1080, 300, 25, true);
        EncodeEstimate estimate = EncodeEstimate.of(LadderPlanner.plan(LadderPlannerTest.PROFILE, source), source, "veryfast", CALIBRATION);
        assertThat(EnginePlan.choose(estimate, VIDEO_WORKER, HALF_A_BUDGET, 300, 4)).isInstanceOf(EnginePlan.OneInvocation.class);
    }

    @Test
    void thirtyMinutesOf4kIsCutIntoChunksOnTheSegmentGridThatEachFitHalfABudget() {
        SourceVideo source = new SourceVideo(3840, 2160, 1800.5, 25, true);
        EncodeEstimate estimate = EncodeEstimate.of(LadderPlanner.plan(LadderPlannerTest.PROFILE, source), source, "veryfast", CALIBRATION);
        EnginePlan plan = EnginePlan.choose(estimate, VIDEO_WORKER, HALF_A_BUDGET, 1800.5, 4);

        assertThat(plan).isInstanceOfSatisfying(EnginePlan.Segmented.class, segmented -> {
            List<EnginePlan.Chunk> chunks = segmented.chunks();
            assertThat(chunks.stream().mapToInt(EnginePlan.Chunk::segments).sum()).as("ceil(1800.5 / 4)").isEqualTo(451);
            assertThat(chunks.get(0).startSeconds()).isZero();
            assertThat(chunks.get(chunks.size() - 1).endSeconds()).isEqualTo(1800.5);
            for (int i = 1; i < chunks.size(); i++) {
                assertThat(chunks.get(i).firstSegment()).isEqualTo(chunks.get(i - 1).firstSegment() + chunks.get(i - 1).segments());
                assertThat(chunks.get(i).startSeconds()).as("chunks meet on the grid").isEqualTo(chunks.get(i - 1).endSeconds());
                assertThat(chunks.get(i).startSeconds() % 4).isZero();
            }
            double perChunk = estimate.cpuSecondsPer(chunks.get(0).endSeconds() - chunks.get(0).startSeconds(), 1800.5);
            assertThat(perChunk).isLessThanOrEqualTo(VIDEO_WORKER.cpuSeconds() * EnginePlan.CHUNK_SHARE_OF_BUDGET);
        });
    }

    @Test
    void aSegmentDearerThanAChunkBudgetStillMakesChunksOfOneSegment() {
        EncodeEstimate dear = new EncodeEstimate(100, 1, 1, 10_000);
        assertThat(EnginePlan.chunks(dear, 1, 8, 4)).containsExactly(
                new EnginePlan.Chunk(0, 0, 1, 0, 4), new EnginePlan.Chunk(1, 1, 1, 4, 8));
    }
}
