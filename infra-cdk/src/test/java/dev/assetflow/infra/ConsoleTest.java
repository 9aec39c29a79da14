package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The console's deployment: its files in a bucket of their own, one CloudFront origin for the app, renditions and API. */
class ConsoleTest {

    @Test
    void theBuiltConsoleIsCopiedToItsBucketAndTheCacheInvalidated() {
        Map<String, Map<String, Object>> deployments = resources("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(1);
        Map<String, Object> props = properties(deployments.values().iterator().next());
        assertThat(props).containsKeys("SourceBucketNames", "DestinationBucketName", "DistributionId");
        assertThat(list(props.get("DistributionPaths"))).contains("/index.html", "/app.js");
    }

    @Test
    void theDistributionServesTheConsoleRenditionsAndTheApiFromOneOrigin() {
        Map<String, Object> config = consoleDistribution();
        assertThat(config.get("DefaultRootObject")).isEqualTo("index.html");
        List<Object> behaviors = list(config.get("CacheBehaviors"));
        assertThat(behaviors.stream().map(b -> String.valueOf(((Map<?, ?>) b).get("PathPattern"))).toList())
                .containsExactlyInAnyOrder("/renditions/*", "/uploads", "/uploads/*", "/assets", "/assets/*", "/ops/*");
        for (Object behavior : behaviors) {
            Map<?, ?> b = (Map<?, ?>) behavior;
            if (!b.get("PathPattern").equals("/renditions/*")) {
                assertThat(list(b.get("AllowedMethods"))).as("the API's behaviours pass every method").contains("POST", "DELETE");
                // the managed CachingDisabled and AllViewerExceptHostHeader policies
                assertThat(b.get("CachePolicyId")).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
                assertThat(b.get("OriginRequestPolicyId")).isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
                assertThat(b.get("ViewerProtocolPolicy")).isEqualTo("https-only");
            }
        }
    }

    @Test
    void theStackOutputsTheConsoleAddress() {
        template().hasOutput("ConsoleUrl", Match.objectLike(Map.of("Description", Match.stringLikeRegexp(".*console.*"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consoleDistribution() {
        return resources("AWS::CloudFront::Distribution").values().stream()
                .map(d -> (Map<String, Object>) properties(d).get("DistributionConfig"))
                .filter(c -> "Assetflow console".equals(c.get("Comment")))
                .findFirst().orElseThrow(() -> new AssertionError("no console distribution"));
    }
}
