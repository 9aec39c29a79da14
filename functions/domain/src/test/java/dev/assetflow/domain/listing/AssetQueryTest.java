package dev.assetflow.domain.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetQueryTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void withoutParametersItIsTheLastWeekNewestFirstFiftyAtATime() {
        AssetQuery query = ((AssetQuery.Valid) AssetQuery.parse(Map.of(), NOW)).query();
        assertThat(query.until()).isEqualTo(NOW);
        assertThat(query.since()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.state()).isNull();
    }

    @Test
    void everyFilterIsRead() {
        String cursor = ListingKey.cursor(ListingKey.of(NOW, "0f8fad5b-d9cb-469f-a165-70867728950e"));
        AssetQuery query = ((AssetQuery.Valid) AssetQuery.parse(Map.of("state", "failed", "kind", "video", "priority", "bulk",
                "engine", "mediaconvert", "prefix", "uploads/2026/", "since", "2026-12-01T00:00:00Z", "until", "2026-12-02T00:00:00Z",
                "limit", "10", "cursor", cursor), NOW)).query();
        assertThat(query).isEqualTo(new AssetQuery(AssetState.FAILED, MediaKind.VIDEO, Priority.BULK, "mediaconvert", "uploads/2026/",
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), 10, cursor));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        AssetQuery.Parsed parsed = AssetQuery.parse(Map.of("state", "done", "kind", "hologram", "priority", "asap", "engine", "gpu",
                "since", "yesterday", "limit", "1000", "cursor", "not-a-cursor", "sort", "name"), NOW);
        assertThat(parsed).isInstanceOf(AssetQuery.Invalid.class);
        assertThat(((AssetQuery.Invalid) parsed).problems()).hasSize(8).anySatisfy(p -> assertThat(p).startsWith("unknown parameter 'sort'"))
                .anySatisfy(p -> assertThat(p).startsWith("state 'done'")).anySatisfy(p -> assertThat(p).startsWith("kind 'hologram'"))
                .anySatisfy(p -> assertThat(p).startsWith("priority 'asap'")).anySatisfy(p -> assertThat(p).startsWith("engine 'gpu'"))
                .anySatisfy(p -> assertThat(p).startsWith("since 'yesterday'")).anySatisfy(p -> assertThat(p).startsWith("limit '1000'"))
                .anySatisfy(p -> assertThat(p).startsWith("cursor 'not-a-cursor'"));
        assertThat(AssetQuery.parse(Map.of("since", "2026-12-03T13:00:00Z"), NOW)).as("since after until")
                .isInstanceOf(AssetQuery.Invalid.class);
    }

    @Test
    void listingKeysSortByTimeWhateverTheFractionAndCursorsRoundTrip() {
        String whole = ListingKey.of(Instant.parse("2026-12-03T10:00:00Z"), "0f8fad5b-d9cb-469f-a165-70867728950e");
        String half = ListingKey.of(Instant.parse("2026-12-03T10:00:00.5Z"), "0f8fad5b-d9cb-469f-a165-70867728950e");
        String micro = ListingKey.of(Instant.parse("2026-12-03T10:00:00.123456Z"), "0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(Instant.parse("2026-12-03T10:00:00.5Z").toString().compareTo(Instant.parse("2026-12-03T10:00:00Z").toString()))
                .as("why: Instant's own text does not sort").isNegative();
        assertThat(whole).isLessThan(micro).isLessThan(half);
        assertThat(ListingKey.at(Instant.parse("2026-12-03T10:00:00Z"))).as("a bound sorts before the keys of that instant").isLessThan(whole);
        assertThat(ListingKey.parse(ListingKey.cursor(half))).contains(half);
        assertThat(ListingKey.parse("aGVsbG8")).isEmpty();
    }
}
