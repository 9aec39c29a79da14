package dev.assetflow.videoworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.video.EnginePlan;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.runtime.config.ConfigText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine choice on a real probe: by the estimate, unless a rule forces an engine or the original is too big to download. */
class VideoPlannerTest {
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final EnginePlan.WorkerBudget LAMBDA = EnginePlan.WorkerBudget.ofLambda(Duration.ofSeconds(900), 3008, 0.5);
    static Path source;

    @TempDir
    static Path dir;

    @BeforeAll
    static void sample() {
        source = new SampleMedia(TOOLS).video(dir.resolve("clip.mp4"), 12, 640, 360, 1, 0);
    }

    @Test
    void aShortVideoFitsOneInvocationAndTheChoiceIsRecorded() throws Exception {
        VideoPlanner.VideoPlan plan = planner(LAMBDA, Optional.empty()).plan("video-abr", null, 1_000, source.toString(), dir);
        assertThat(plan.engine()).isInstanceOf(EnginePlan.OneInvocation.class);
        assertThat(plan.media()).containsKeys("durationSeconds", "width", "transcode");
        assertThat(transcode(plan)).containsEntry("engine", "one-invocation")
                .hasEntrySatisfying("reason", reason -> assertThat(reason.toString()).contains("fits the one-invocation budget"));
    }

    @Test
    void anEstimateOverTheBudgetIsCutIntoChunksOfTheConfiguredCost() throws Exception {
        EnginePlan.WorkerBudget tiny = EnginePlan.WorkerBudget.ofLambda(Duration.ofSeconds(1), 1769, 0.01);
        VideoPlanner.VideoPlan plan = planner(tiny, Optional.of(0.0001)).plan("video-abr", null, 1_000, source.toString(), dir);
        assertThat(plan.engine()).isInstanceOfSatisfying(EnginePlan.Segmented.class,
                segmented -> assertThat(segmented.chunks()).as("one 4 s segment each").hasSize(3));
        assertThat(transcode(plan)).containsEntry("engine", "segmented").containsEntry("chunks", 3);
    }

    @Test
    void aRuleMayForceEitherEngineAndAnOriginalTooBigToDownloadGoesSegmented() throws Exception {
        VideoPlanner planner = planner(LAMBDA, Optional.empty());
        assertThat(planner.plan("video-abr", "ffmpeg-segmented", 1_000, source.toString(), dir).engine())
                .isInstanceOf(EnginePlan.Segmented.class);
        EnginePlan.WorkerBudget tiny = EnginePlan.WorkerBudget.ofLambda(Duration.ofSeconds(1), 1769, 0.01);
        assertThat(planner(tiny, Optional.empty()).plan("video-abr", "ffmpeg-one-invocation", 1_000, source.toString(), dir).engine())
                .isInstanceOf(EnginePlan.OneInvocation.class);
        VideoPlanner.VideoPlan big = planner.plan("video-abr", null, 5_000_000_000L, source.toString(), dir);
        assertThat(big.engine()).isInstanceOf(EnginePlan.Segmented.class);
        assertThat((transcode(big)).get("reason").toString()).contains("more than one invocation downloads");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> transcode(VideoPlanner.VideoPlan plan) {
        return (Map<String, Object>) plan.media().get("transcode");
    }

    private static VideoPlanner planner(EnginePlan.WorkerBudget budget, Optional<Double> chunkCpuSeconds) throws Exception {
        return new VideoPlanner(new MediaProbe(TOOLS, new ProcessRunner()), ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")),
                new VideoWorkerConfig.Limits(14_400, 4096L * 2304, 4L << 30, budget, budget, chunkCpuSeconds));
    }
}
