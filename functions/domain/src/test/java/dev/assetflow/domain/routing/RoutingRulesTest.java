package dev.assetflow.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.MediaKind;
import java.util.stream.IntStream;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.config.ConfigInvalidException;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    static final String RULES = """
            {"version": 7, "rules": [
              {"name": "live-video", "when": {"kind": "video", "keyPrefix": "uploads/live/"}, "route": {"queue": "critical", "profile": "video-fast"}},
              {"name": "long-video", "when": {"kind": "video", "minDurationSeconds": 900}, "route": {"queue": "bulk", "transcoder": "mediaconvert", "profile": "video-abr"}},
              {"name": "huge-images", "when": {"kind": "image", "maxBytes": 1000}, "route": {"queue": "critical", "profile": "image-responsive"}},
              {"name": "images", "when": {"kind": "image"}, "route": {"queue": "standard", "profile": "image-responsive"}},
              {"name": "fallback", "when": {}, "route": {"queue": "review"}}
            ]}""";

    private final RoutingRules rules = parse(RULES);

    @Test
    void firstMatchingRuleWins() {
        RoutingDecision decision = rules.evaluate(new RoutingInput(MediaKind.IMAGE, "image/png", "uploads/a/x.png", 500, null));
        assertThat(decision).isEqualTo(new RoutingDecision.ToWorkQueue("huge-images", Priority.CRITICAL, "image-responsive", null, 7));
        RoutingDecision big = rules.evaluate(new RoutingInput(MediaKind.IMAGE, "image/png", "uploads/a/x.png", 5000, null));
        assertThat(big).isEqualTo(new RoutingDecision.ToWorkQueue("images", Priority.STANDARD, "image-responsive", null, 7));
    }

    @Test
    void keyPrefixAndDurationConditions() {
        assertThat(rules.evaluate(new RoutingInput(MediaKind.VIDEO, "video/mp4", "uploads/live/a.mp4", 1, 10.0)))
                .isInstanceOfSatisfying(RoutingDecision.ToWorkQueue.class, r -> assertThat(r.rule()).isEqualTo("live-video"));
        assertThat(rules.evaluate(new RoutingInput(MediaKind.VIDEO, "video/mp4", "uploads/a.mp4", 1, 901.0)))
                .isInstanceOfSatisfying(RoutingDecision.ToWorkQueue.class, r -> {
                    assertThat(r.rule()).isEqualTo("long-video");
                    assertThat(r.transcoder()).isEqualTo("mediaconvert");
                });
    }

    @Test
    void anUnprobedDurationNeverSatisfiesADurationCondition() {
        assertThat(rules.evaluate(new RoutingInput(MediaKind.VIDEO, "video/mp4", "uploads/a.mp4", 1, null)))
                .isInstanceOfSatisfying(RoutingDecision.ToReview.class, r -> {
                    assertThat(r.rule()).isEqualTo("fallback");
                    assertThat(r.reason()).contains("no rule accepts video/mp4 (video)", "fallback");
                });
    }

    @Test
    void withoutAFallbackNothingMatchingGoesToReview() throws ConfigInvalidException {
        RoutingRules onlyImages = RoutingRulesParser.parse("""
                {"version": 1, "rules": [{"name": "images", "when": {"kind": "image"}, "route": {"queue": "critical", "profile": "p"}}]}""");
        assertThat(onlyImages.evaluate(new RoutingInput(MediaKind.AUDIO, "audio/mpeg", "k", 1, null)))
                .isEqualTo(new RoutingDecision.ToReview(null, "no rule matches audio/mpeg (audio) at 'k'", 1));
    }

    @Test
    void invalidRuleSetsAreRejectedWithEveryProblem() {
        assertThatThrownBy(() -> RoutingRulesParser.parse("""
                {"version": 0, "rules": [
                  {"name": "a", "when": {"kind": "hologram"}, "route": {"queue": "urgent"}},
                  {"name": "a", "when": {}, "route": {"queue": "standard"}}
                ]}"""))
                .isInstanceOfSatisfying(ConfigInvalidException.class, e -> assertThat(e.problems()).containsExactly(
                        "version must be a positive integer",
                        "rule #1: unknown kind 'hologram'",
                        "rule #1: unknown queue 'urgent' (critical, standard, bulk or review)",
                        "rule #2: the name 'a' is used twice",
                        "rule #2: a work-queue route needs a 'profile'"));
    }

    @Test
    void unknownFieldsAndBrokenJsonAreRejected() {
        assertThatThrownBy(() -> RoutingRulesParser.parse("{\"version\": 1, \"rules\": [{\"name\": \"a\", \"when\": {\"knd\": \"image\"}, \"route\": {\"queue\": \"review\"}}]}"))
                .isInstanceOf(ConfigInvalidException.class).hasMessageContaining("knd");
        assertThatThrownBy(() -> RoutingRulesParser.parse("{not json"))
                .isInstanceOf(ConfigInvalidException.class).hasMessageContaining("not a rule set");
    }

    @Test
    void aShadowNamesAnotherProfileAndAShareAndPicksTheSameAssetsEveryTime() {
        RoutingRules shadowed = parse("""
                {"version": 2, "rules": [{"name": "images", "when": {"kind": "image"},
                  "route": {"queue": "critical", "profile": "a", "shadow": {"profile": "b", "share": 0.25}}}]}""");
        RoutingDecision.ToWorkQueue decision = (RoutingDecision.ToWorkQueue) shadowed.evaluate(
                new RoutingInput(MediaKind.IMAGE, "image/png", "uploads/x.png", 10, null));
        assertThat(decision.shadow()).isEqualTo(new RouteSpec.Shadow("b", 0.25));
        long picked = IntStream.range(0, 4000).filter(i -> decision.shadow().selects(AssetId.derivedFrom("asset " + i))).count();
        assertThat(picked).as("about a quarter of 4000 ids").isBetween(850L, 1150L);
        AssetId one = AssetId.derivedFrom("asset 1");
        assertThat(decision.shadow().selects(one)).isEqualTo(decision.shadow().selects(one));
        assertThat(new RouteSpec.Shadow("b", 1.0).selects(one)).isTrue();
        assertThatThrownBy(() -> RoutingRulesParser.parse("""
                {"version": 2, "rules": [{"name": "images", "when": {"kind": "image"},
                  "route": {"queue": "critical", "profile": "a", "shadow": {"profile": "a", "share": 0}}}]}"""))
                .isInstanceOf(ConfigInvalidException.class)
                .hasMessageContaining("'route.shadow.profile' must name another profile than 'route.profile'")
                .hasMessageContaining("'route.shadow.share' must be above 0 and at most 1");
    }

    private static RoutingRules parse(String json) {
        try {
            return RoutingRulesParser.parse(json);
        } catch (ConfigInvalidException e) {
            throw new AssertionError(e);
        }
    }
}
