package dev.assetflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.config.ConfigText;
import dev.assetflow.domain.routing.RoutingDecision;
import dev.assetflow.domain.routing.RoutingInput;
import dev.assetflow.domain.routing.RoutingRules;
import dev.assetflow.domain.routing.RoutingRulesParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule set in config/routing-rules.json, as bundled into the ingest jar. */
class BundledRoutingRulesTest {

    @Test
    void theBundledRulesAreValidAndRouteImagesAndNothingElse() throws Exception {
        RoutingRules rules = RoutingRulesParser.parse(ConfigText.read(IngestConfig.from(Map.of(
                "ASSETS_TABLE", "a", "IDEMPOTENCY_TABLE", "i", "WORK_QUEUES", "{}", "REVIEW_QUEUE_URL", "r",
                "DEAD_LETTER_QUEUE_URLS", "{}", "EVENTS_TOPIC_ARN", "t")).routingRulesLocation()));

        assertThat(rules.evaluate(new RoutingInput(MediaKind.IMAGE, "image/png", "uploads/x/a.png", 1000, null)))
                .isEqualTo(new RoutingDecision.ToWorkQueue("images", Priority.CRITICAL, "image-responsive", null, rules.version()));
        assertThat(rules.evaluate(new RoutingInput(MediaKind.IMAGE, "image/png", "uploads/x/a.png", 60L * 1024 * 1024, null)))
                .isInstanceOfSatisfying(RoutingDecision.ToWorkQueue.class, r -> assertThat(r.queue()).isEqualTo(Priority.BULK));
        assertThat(rules.evaluate(new RoutingInput(MediaKind.VIDEO, "video/mp4", "uploads/x/a.mp4", 1000, null)))
                .isInstanceOfSatisfying(RoutingDecision.ToReview.class, r -> assertThat(r.rule()).isEqualTo("fallback"));
    }
}
