package dev.assetflow.domain.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OldestWaitingTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void eachQueueNamesTheAssetQueuedLongestAgoAndHowLongItHasWaited() {
        Map<String, OldestWaiting.Waiting> oldest = OldestWaiting.byQueue(List.of(
                asset("a", "QUEUED", "image", "critical", NOW.minusSeconds(30)),
                asset("b", "QUEUED", "image", "critical", NOW.minusSeconds(90)),
                asset("c", "QUEUED", "video", "bulk", NOW.minusSeconds(5)),
                asset("d", "QUEUED", "image", "bulk", NOW.minusSeconds(400))), NOW);

        assertThat(oldest).containsOnlyKeys("image/critical", "video/bulk", "image/bulk");
        assertThat(oldest.get("image/critical")).isEqualTo(new OldestWaiting.Waiting("b", NOW.minusSeconds(90), 90));
        assertThat(oldest.get("video/bulk").assetId()).isEqualTo("c");
        assertThat(oldest.get("image/bulk").ageSeconds()).isEqualTo(400);
    }

    @Test
    void onlyQueuedAssetsWaitAndAClockBehindTheRecordGivesNoNegativeAge() {
        Map<String, OldestWaiting.Waiting> oldest = OldestWaiting.byQueue(List.of(
                asset("working", "PROCESSING", "image", "critical", NOW.minusSeconds(600)),
                asset("done", "READY", "image", "critical", NOW.minusSeconds(900)),
                asset("unrouted", "QUEUED", "image", null, NOW.minusSeconds(900)),
                asset("ahead", "QUEUED", "image", "critical", NOW.plusSeconds(2))), NOW);

        assertThat(oldest).containsOnlyKeys("image/critical");
        assertThat(oldest.get("image/critical").assetId()).isEqualTo("ahead");
        assertThat(oldest.get("image/critical").ageSeconds()).isZero();
    }

    private static AssetSummary asset(String id, String state, String kind, String priority, Instant updatedAt) {
        return new AssetSummary(id, state, kind, priority, "ffmpeg", "uploads/" + id, 10, updatedAt.minusSeconds(60), updatedAt, null);
    }
}
