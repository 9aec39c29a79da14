package dev.assetflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.routing.RoutingDecision;
import dev.assetflow.domain.routing.RoutingInput;
import dev.assetflow.domain.routing.RoutingRules;
import dev.assetflow.domain.routing.RoutingRulesParser;
import org.junit.jupiter.api.Test;

/** The rule set in config/routing-rules.json, as bundled into the ingest jar. */
class BundledRoutingRulesTest {

    @Test
    void theBundledRulesAreValidAndRouteEveryKind() throws Exception {
        RoutingRules rules = RoutingRulesParser.parse(ConfigText.read("classpath:/routing-rules.json"));

        assertThat(route(rules, MediaKind.IMAGE, "image/png", 1000, null))
                .isEqualTo(new RoutingDecision.ToWorkQueue("images", Priority.CRITICAL, "image-responsive", null, rules.version()));
        assertThat(route(rules, MediaKind.IMAGE, "image/png", 60L * 1024 * 1024, null))
                .isInstanceOfSatisfying(RoutingDecision.ToWorkQueue.class, r -> assertThat(r.queue()).isEqualTo(Priority.BULK));
        assertThat(route(rules, MediaKind.VIDEO, "video/mp4", 1000, 30.0))
                .isEqualTo(new RoutingDecision.ToWorkQueue("video", Priority.STANDARD, "video-abr", null, rules.version()));
        assertThat(route(rules, MediaKind.VIDEO, "video/mp4", 1000, 3600.0))
                .isEqualTo(new RoutingDecision.ToWorkQueue("long-video", Priority.BULK, "video-abr", null, rules.version()));
        assertThat(route(rules, MediaKind.AUDIO, "audio/mpeg", 1000, 200.0))
                .isInstanceOfSatisfying(RoutingDecision.ToWorkQueue.class, r -> assertThat(r.profile()).isEqualTo("audio-aac"));
        assertThat(route(rules, MediaKind.DOCUMENT, "application/pdf", 1000, null))
                .isInstanceOfSatisfying(RoutingDecision.ToWorkQueue.class, r -> assertThat(r.profile()).isEqualTo("document-preview"));
    }

    private static RoutingDecision route(RoutingRules rules, MediaKind kind, String mime, long size, Double duration) {
        return rules.evaluate(new RoutingInput(kind, mime, "uploads/x/file", size, duration));
    }
}
