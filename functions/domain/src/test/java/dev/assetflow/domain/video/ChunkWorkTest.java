package dev.assetflow.domain.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout both engines share, and the chunk message that carries it to every chunk and to the assembly. */
class ChunkWorkTest {
    static final WorkMessage WORK = new WorkMessage(1, AssetId.random().value(), "video", "video/mp4",
            new SourceObject("uploads", "uploads/x/film.mp4", "etag", null, 1_000_000),
            new RouteInfo(Priority.BULK, "long-video", "video-abr", null, 4), "routed", Instant.parse("2026-12-02T10:00:00Z"));
    static final VideoLayout LAYOUT = VideoLayout.of(LadderPlannerTest.PROFILE, new SourceVideo(1920, 1080, 1800.48, 25, true));

    @Test
    void aLayoutNamesTheSameRenditionsOnBothPathsWithTheAudioAsItsOwnRendition() {
        assertThat(LAYOUT.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("hls/1080p", "hls/720p", "hls/480p",
                "hls/360p", "hls/audio", "hls/master", "mp4/720p", "poster", "storyboard");
        assertThat(LAYOUT.renditions()).filteredOn(RenditionPlan.Planned::optional).extracting(RenditionPlan.Planned::name)
                .containsExactly("poster", "storyboard");
        assertThat(LAYOUT.segmentCount()).as("ceil(1800.48 / 4)").isEqualTo(451);
        assertThat(LAYOUT.masterPlaylist()).contains("URI=\"audio/index.m3u8\"").contains(",AUDIO=\"audio\"\n1080p/index.m3u8");

        VideoLayout silent = VideoLayout.of(LadderPlannerTest.PROFILE, new SourceVideo(640, 360, 10, 25, false));
        assertThat(silent.renditions()).extracting(RenditionPlan.Planned::name).doesNotContain("hls/audio");
        assertThat(silent.masterPlaylist()).doesNotContain("EXT-X-MEDIA", "AUDIO=");
    }

    @Test
    void aChunkMessageSurvivesItsJsonWhole() {
        ChunkWork part = ChunkWork.of(WORK, LAYOUT, 12, ChunkWork.Part.of(new EnginePlan.Chunk(3, 114, 38, 456, 608)));
        assertThat(ChunkWorkCodec.decode(ChunkWorkCodec.encode(part)))
                .isEqualTo(new ChunkWorkCodec.Valid(part));
        ChunkWork audio = ChunkWork.of(WORK, LAYOUT, 12, ChunkWork.Part.audio(11, LAYOUT.segmentCount(), 1800.48));
        assertThat(ChunkWorkCodec.decode(ChunkWorkCodec.encode(audio))).isEqualTo(new ChunkWorkCodec.Valid(audio));
    }

    @Test
    void aMalformedChunkMessageIsAnInvalidMessageWithItsReasons() {
        ChunkWork outside = ChunkWork.of(WORK, LAYOUT, 3, ChunkWork.Part.of(new EnginePlan.Chunk(3, 114, 38, 456, 608)));
        assertThat(ChunkWorkCodec.decode(ChunkWorkCodec.encode(outside))).isInstanceOfSatisfying(ChunkWorkCodec.Invalid.class,
                invalid -> {
                    assertThat(invalid.failure().category()).isEqualTo(FailureCategory.INVALID_MESSAGE);
                    assertThat(invalid.failure().reason()).contains("part is missing or outside 0..2");
                });
        assertThat(ChunkWorkCodec.decode("{\"schemaVersion\": 1, \"assetId\": 5}"))
                .isInstanceOf(ChunkWorkCodec.Invalid.class);
        assertThat(ChunkWorkCodec.decode("not json")).isInstanceOf(ChunkWorkCodec.Invalid.class);
    }

    @Test
    void theRecordedEngineSaysWhatWasChosenAndWhy() {
        EncodeEstimate estimate = new EncodeEstimate(45_000, 3_635_520, 1, 3600);
        EnginePlan.WorkerBudget budget = EnginePlan.WorkerBudget.ofLambda(java.time.Duration.ofSeconds(900), 3008, 0.5);
        EnginePlan plan = EnginePlan.choose(estimate, budget, 300, 1800, 4);
        assertThat(plan.engine()).isEqualTo("segmented");
        assertThat(plan.describe("estimated 3600 CPU-s exceeds")).containsEntry("engine", "segmented")
                .containsEntry("estimateCpuSeconds", 3600.0).containsEntry("chunks", ((EnginePlan.Segmented) plan).chunks().size())
                .containsKey("budgetCpuSeconds").containsEntry("reason", "estimated 3600 CPU-s exceeds");
        assertThat(List.of(EnginePlan.choose(new EncodeEstimate(10, 1, 1, 10), budget, 300, 10, 4).engine())).containsExactly("one-invocation");
    }
}
