package dev.assetflow.domain.configreview;

import dev.assetflow.domain.config.ConfigInvalidException;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReviewTest {
    private static final String PROFILES = """
            {"image": [{"name": "img", "version": 1, "widths": [320], "formats": ["webp"], "quality": 80}],
             "audio": [{"name": "aac", "version": 2, "aacKbps": 128, "waveformPeaks": 100, "waveformWidth": 600, "waveformHeight": 100}]}""";
    private static final String RULES_V4 = """
            {"version": 4, "rules": [{"name": "images", "when": {"kind": "image"}, "route": {"queue": "critical", "profile": "img"}},
                                     {"name": "audio", "when": {"kind": "audio"}, "route": {"queue": "standard", "profile": "aac"}}]}""";

    @Test
    void aValidNewerRuleSetPasses() {
        assertThat(ConfigReview.problems(ConfigDocument.ROUTING_RULES, RULES_V4.replace("4", "5"), Optional.of(RULES_V4), PROFILES)).isEmpty();
    }

    @Test
    void everyProblemOfARuleSetIsListedNotJustTheFirst() {
        String bad = """
                {"version": 4, "rules": [{"name": "images", "when": {"kind": "image"}, "route": {"queue": "urgent", "profile": "img"}},
                                         {"name": "video", "when": {"kind": "video"}, "route": {"queue": "bulk", "profile": "img"}}]}""";
        assertThat(ConfigReview.problems(ConfigDocument.ROUTING_RULES, bad, Optional.of(RULES_V4), PROFILES))
                .containsExactly("rule #1: unknown queue 'urgent' (critical, standard, bulk or review)");
        String unknownProfile = bad.replace("urgent", "critical");
        assertThat(ConfigReview.problems(ConfigDocument.ROUTING_RULES, unknownProfile, Optional.of(RULES_V4), PROFILES))
                .containsExactly("version 4 must be greater than the serving version 4",
                        "rule 'video' names profile 'img', but the profiles document has no video profile of that name");
        assertThat(ConfigReview.problems(ConfigDocument.ROUTING_RULES, "{not json", Optional.empty(), PROFILES))
                .singleElement().asString().startsWith("not a rule set");
    }

    @Test
    void aChangedProfileNeedsAHigherVersionAndAProfileInUseCannotDisappear() {
        String changedSameVersion = PROFILES.replace("\"quality\": 80", "\"quality\": 70");
        assertThat(ConfigReview.problems(ConfigDocument.PROFILES, changedSameVersion, Optional.of(PROFILES), RULES_V4))
                .containsExactly("profile image/img changed but its version stays 1 (make it at least 2)");
        String bumped = changedSameVersion.replace("\"name\": \"img\", \"version\": 1", "\"name\": \"img\", \"version\": 2");
        assertThat(ConfigReview.problems(ConfigDocument.PROFILES, bumped, Optional.of(PROFILES), RULES_V4)).isEmpty();
        String withoutAudio = """
                {"image": [{"name": "img", "version": 1, "widths": [320], "formats": ["webp"], "quality": 80}]}""";
        assertThat(ConfigReview.problems(ConfigDocument.PROFILES, withoutAudio, Optional.of(PROFILES), RULES_V4))
                .containsExactly("rule 'audio' names profile 'aac', but the profiles document has no audio profile of that name");
    }

    @Test
    void aRollbackIsANewVersionWithTheOldDefinitions() throws ConfigInvalidException {
        String rules = ConfigReview.rollback(ConfigDocument.ROUTING_RULES, RULES_V4, RULES_V4.replace("4", "9"));
        assertThat(ConfigReview.problems(ConfigDocument.ROUTING_RULES, rules, Optional.of(RULES_V4.replace("4", "9")), PROFILES)).isEmpty();
        assertThat(rules).contains("\"version\" : 10");

        String serving = PROFILES.replace("\"quality\": 80", "\"quality\": 70").replace("\"version\": 1", "\"version\": 2");
        String profiles = ConfigReview.rollback(ConfigDocument.PROFILES, PROFILES, serving);
        assertThat(ConfigReview.problems(ConfigDocument.PROFILES, profiles, Optional.of(serving), RULES_V4)).isEmpty();
        assertThat(ConfigReview.definitions(profiles).get("image/img").path("version").asInt()).isEqualTo(3);
        assertThat(ConfigReview.definitions(profiles).get("image/img").path("quality").asInt()).isEqualTo(80);
        assertThat(ConfigReview.definitions(profiles).get("audio/aac").path("version").asInt())
                .as("an unchanged profile keeps its version").isEqualTo(2);
    }
}
