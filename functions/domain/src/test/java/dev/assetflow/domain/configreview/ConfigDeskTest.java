package dev.assetflow.domain.configreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operators' desk on versions kept in memory (the port; SSM in the stack: ConfigIT, ConsoleConfigIT), counting
 * reads: what serves is the newest valid version, and each request reads each document once.
 */
class ConfigDeskTest {
    private static final String PROFILES = """
            {"image": [{"name": "img", "version": 1, "widths": [320], "formats": ["webp"], "quality": 80}]}""";
    private static final String RULES_V1 = """
            {"version": 1, "rules": [{"name": "images", "when": {"kind": "image"}, "route": {"queue": "critical", "profile": "img"}}]}""";
    private static final String RULES_V2 = RULES_V1.replace("\"version\": 1", "\"version\": 2").replace("critical", "bulk");
    private static final String BROKEN = "{\"version\": 3, \"rules\": [";

    private final MemoryVersions versions = new MemoryVersions();
    private final ConfigDesk desk = new ConfigDesk(versions);

    @BeforeEach
    void seed() {
        versions.put(ConfigDocument.PROFILES, PROFILES);
        versions.put(ConfigDocument.ROUTING_RULES, RULES_V1);
        versions.reads = 0;
    }

    @Test
    void aValidCandidateIsPublishedReadingEachDocumentOnceAndAnUnchangedOneIsNot() {
        assertThat(desk.publish(ConfigDocument.ROUTING_RULES, RULES_V2, "by ann")).isEqualTo(new ConfigDesk.Published(2, "rules v2, 1 rules"));
        assertThat(versions.reads).as("the rules' newest (serving), the profiles' newest").isEqualTo(2);
        assertThat(desk.publish(ConfigDocument.ROUTING_RULES, RULES_V2 + "\n", "again")).isEqualTo(new ConfigDesk.Unchanged(2));
        assertThat(desk.publish(ConfigDocument.ROUTING_RULES, RULES_V1, "back")).isInstanceOfSatisfying(ConfigDesk.Refused.class,
                refused -> assertThat(refused.problems()).contains("version 1 must be greater than the serving version 2"));
    }

    @Test
    void aNewestVersionTheFunctionsRefuseDoesNotServeAndTheHistoryIsReadOnce() {
        versions.put(ConfigDocument.ROUTING_RULES, BROKEN); // written around the checks
        versions.reads = 0;
        List<ConfigDesk.HistoryEntry> history = desk.history(ConfigDocument.ROUTING_RULES);
        assertThat(versions.reads).isEqualTo(1);
        assertThat(history).extracting(ConfigDesk.HistoryEntry::version, ConfigDesk.HistoryEntry::serving, ConfigDesk.HistoryEntry::refused)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true, false), org.assertj.core.groups.Tuple.tuple(2L, false, true));
        assertThat(desk.serving(ConfigDocument.ROUTING_RULES).number()).isEqualTo(1);
        assertThat(desk.problems(ConfigDocument.ROUTING_RULES, RULES_V2)).as("checked against v1, which serves").isEmpty();
    }

    @Test
    void aRollbackPublishesTheOldDefinitionsAsANewVersionFromOneReadOfTheHistory() {
        desk.publish(ConfigDocument.ROUTING_RULES, RULES_V2, "by ann");
        versions.reads = 0;
        assertThat(desk.rollback(ConfigDocument.ROUTING_RULES, 1, "rollback by bob")).isEqualTo(new ConfigDesk.Published(3, "rules v3, 1 rules"));
        assertThat(versions.reads).as("the rules' history, the profiles' newest").isEqualTo(2);
        assertThat(versions.newest(ConfigDocument.ROUTING_RULES).orElseThrow().text()).contains("critical");
        assertThat(desk.rollback(ConfigDocument.ROUTING_RULES, 9, "no")).isEqualTo(new ConfigDesk.NoSuchVersion(9));
    }

    private static final class MemoryVersions implements ConfigVersions {
        private final Map<ConfigDocument, List<Version>> stored = new EnumMap<>(ConfigDocument.class);
        int reads;

        void put(ConfigDocument document, String text) {
            List<Version> all = stored.computeIfAbsent(document, d -> new ArrayList<>());
            all.add(new Version(all.size() + 1, Instant.parse("2026-12-03T10:00:00Z").plusSeconds(all.size()), "test", null, text));
        }

        @Override
        public int maxBytes() {
            return 8192;
        }

        @Override
        public Optional<Version> newest(ConfigDocument document) {
            reads++;
            List<Version> all = stored.getOrDefault(document, List.of());
            return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
        }

        @Override
        public List<Version> history(ConfigDocument document) {
            reads++;
            return List.copyOf(stored.getOrDefault(document, List.of()));
        }

        @Override
        public long publish(ConfigDocument document, String text, String description) {
            put(document, text);
            return stored.get(document).size();
        }
    }
}
