package dev.assetflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.config.ConfigSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LiveConfigTest {
    /** Versions as a parameter's history holds them, newest last. */
    private final List<String> versions = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger parses = new AtomicInteger();

    private final ConfigSource source = new ConfigSource() {
        public String latest() {
            return versions.getLast();
        }

        public List<String> earlier() {
            return versions.subList(0, versions.size() - 1).reversed();
        }

        public String location() {
            return "test:rules";
        }
    };

    /** "v<n>" is valid and means n; anything else is invalid. */
    private Integer parse(String text) throws ConfigInvalidException {
        parses.incrementAndGet();
        if (!text.startsWith("v")) {
            throw new ConfigInvalidException(List.of("'" + text + "' is not a version", "second problem"));
        }
        return Integer.parseInt(text.substring(1));
    }

    private LiveConfig<Integer> config() {
        return new LiveConfig<>("rules", source, this::parse, (document, problems) -> rejected.add(document + ": " + problems), clock);
    }

    @Test
    void aNewValidVersionServesOnTheNextReadAndTheTextIsParsedOnlyWhenItChanged() {
        versions.add("v1");
        LiveConfig<Integer> config = config();
        assertThat(config.get()).isEqualTo(1);
        assertThat(config.get()).isEqualTo(1);
        assertThat(parses).hasValue(1);
        versions.add("v2");
        assertThat(config.get()).isEqualTo(2);
        assertThat(rejected).isEmpty();
    }

    @Test
    void anInvalidVersionIsNotUsedTheLastGoodServesAndTheRefusalIsReportedOncePerMinute() {
        versions.add("v1");
        LiveConfig<Integer> config = config();
        config.get();
        versions.add("broken");
        assertThat(config.get()).isEqualTo(1);
        assertThat(config.get()).isEqualTo(1);
        assertThat(rejected).containsExactly("rules: ['broken' is not a version, second problem]");
        clock.advance(LiveConfig.REPORT_EVERY.plusSeconds(1));
        assertThat(config.get()).isEqualTo(1);
        assertThat(rejected).hasSize(2);
        versions.add("v3");
        assertThat(config.get()).isEqualTo(3);
    }

    @Test
    void anEnvironmentThatSkippedAVersionServesTheNewestValidOneNotTheOneItHadInMemory() {
        versions.add("v1");
        LiveConfig<Integer> idle = config();
        idle.get();
        versions.addAll(List.of("v2", "broken"));
        assertThat(idle.get()).isEqualTo(2);
        assertThat(idle.get()).isEqualTo(2);
        assertThat(parses).as("v1, broken once, v2; the broken text is not parsed again").hasValue(3);
    }

    @Test
    void aColdStartOnAnInvalidVersionServesTheNewestValidEarlierOne() {
        versions.addAll(List.of("v1", "v2", "broken", "also broken"));
        assertThat(config().get()).isEqualTo(2);
        assertThat(rejected).hasSize(1);
    }

    @Test
    void noValidVersionAtAllIsAnErrorThatSaysHowToFixIt() {
        versions.addAll(List.of("broken"));
        assertThatThrownBy(() -> config().get()).hasMessageContaining("rules at test:rules has no valid version")
                .hasMessageContaining("scripts/config push");
    }

    @Test
    void aDerivedValueIsRebuiltOnlyWhenTheDocumentChanges() {
        versions.add("v1");
        AtomicInteger builds = new AtomicInteger();
        Supplier<String> renderer = config().map(v -> "renderer for " + v + " #" + builds.incrementAndGet());
        assertThat(renderer.get()).isEqualTo("renderer for 1 #1");
        assertThat(renderer.get()).isEqualTo("renderer for 1 #1");
        versions.add("broken");
        assertThat(renderer.get()).isEqualTo("renderer for 1 #1");
        versions.add("v2");
        assertThat(renderer.get()).isEqualTo("renderer for 2 #2");
    }

    @Test
    void anUnreadableSourceKeepsTheVersionInMemoryButFailsAColdStart() {
        LiveConfig<Integer> cold = config();
        assertThatThrownBy(cold::get).hasMessageContaining("rules cannot be read from test:rules");
        versions.add("v1");
        LiveConfig<Integer> warm = config();
        warm.get();
        versions.clear();
        assertThat(warm.get()).isEqualTo(1);
    }

    @Test
    void settingsRefuseAStalenessAboveAMinute() {
        assertThatThrownBy(() -> new LiveConfigs.Settings(Duration.ofSeconds(61), java.util.Map.of()))
                .hasMessageContaining("CONFIG_MAX_AGE_SECONDS must be 0-60");
        assertThat(LiveConfigs.Settings.from(new Env(java.util.Map.of())).maxAge()).isEqualTo(Duration.ofSeconds(60));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    @Test
    void workPlannedWithAReplacedVersionFindsItInTheHistoryAndAnInvalidOneIsNeverFound() {
        versions.addAll(List.of("v1", "broken", "v2", "v3"));
        LiveConfig<Integer> config = config();
        assertThat(config.newestWhere(v -> v == 3)).contains(3);
        assertThat(config.newestWhere(v -> v < 3)).as("the newest earlier one that matches").contains(2);
        assertThat(config.newestWhere(v -> v == 1)).contains(1);
        assertThat(config.newestWhere(v -> v > 3)).isEmpty();
        assertThat(config.get()).as("what serves does not change").isEqualTo(3);
    }
}
