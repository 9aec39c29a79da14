package dev.assetflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import dev.assetflow.topology.WebhookSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A webhook added to the topology, deployed: its secret (generated, kept, read only by its own function), its filtered
 * subscriber queue with a DLQ, its delivery function (traced, with its endpoint in the environment) fed by that queue at
 * most maxInFlight at once, and nothing cdk-nag reports.
 */
class WebhooksTest {
    private static AssetflowStack stack;
    private static Template template;

    @BeforeAll
    static void synthesize() throws Exception {
        Topology topology = TopologyLoader.load().withWebhook("cms", new WebhookSpec("the CMS", "https://cms.example.com/hooks/assetflow",
                new ObjectMapper().readTree("{\"type\": [\"asset.ready\", \"asset.failed\"]}"), 4, null, null));
        App app = new App(AppProps.builder()
                .context(Map.of("ffmpegLayerArn", SynthesizedStack.FFMPEG_LAYER, "alarmEmail", "ops@example.com"))
                .outdir("target/cdk.out.webhooks").build());
        stack = AssetflowApp.build(app, topology);
        template = Template.fromStack(stack);
    }

    @Test
    void theWebhookHasAGeneratedSecretThatOutlivesTheStack() {
        template.resourceCountIs("AWS::SecretsManager::Secret", 1);
        template.hasResource("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of("GenerateSecretString", Match.objectLike(Map.of("PasswordLength", 64,
                        "ExcludePunctuation", true)))))));
        template.hasOutput("WebhookCmsSecretArn", Match.anyValue());
    }

    @Test
    void itsQueueIsSubscribedWithTheFilterAndFeedsItsFunctionAtMostMaxInFlightAtOnce() {
        template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "sqs", "RawMessageDelivery", true,
                "FilterPolicy", Map.of("type", List.of("asset.ready", "asset.failed")))));
        String function = TemplateQueries.functionIdIn(template, WebhookSpec.HANDLER);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of("BatchSize", 1,
                "ScalingConfig", Map.of("MaximumConcurrency", 4), "FunctionResponseTypes", List.of("ReportBatchItemFailures"))));
        Map<String, Object> props = TemplateQueries.properties(template.findResources("AWS::Lambda::Function").get(function));
        assertThat(props).containsEntry("TracingConfig", Map.of("Mode", "Active"));
        assertThat(props.get("Environment").toString()).contains("WEBHOOK_URL=https://cms.example.com/hooks/assetflow",
                "WEBHOOK_SECRET_ARN={Ref=WebhookSecretsCms", "DELIVERY_DEADLINE_SECONDS=86400", "ALLOW_PRIVATE_ADDRESSES=false");
        assertThat(template.findResources("AWS::SQS::Queue").values().toString()).contains("MessageRetentionPeriod=345600");
    }

    @Test
    void onlyItsOwnFunctionReadsTheSecretAndItWritesNothingButItsDeliveriesAndItsDeadLetters() {
        Map<String, Map<String, Object>> policies = TemplateQueries.policiesOf(template);
        List<String> readers = policies.entrySet().stream().filter(e -> e.getValue().toString().contains("secretsmanager:GetSecretValue"))
                .map(Map.Entry::getKey).toList();
        assertThat(readers).singleElement().asString().startsWith("WebhookCmsServiceRole");
        String own = policies.entrySet().stream().filter(e -> e.getKey().startsWith("WebhookCmsServiceRole")).toList().toString();
        assertThat(own).contains("secretsmanager:GetSecretValue", "WebhookSecretsCms", "dynamodb:PutItem", "TablesWebhookDeliveries",
                "sqs:SendMessage", "WebhookCmsDlq", "sqs:ChangeMessageVisibility", "xray:PutTraceSegments");
        assertThat(own).doesNotContain("s3:", "sns:Publish", "ssm:", "secretsmanager:PutSecretValue");
    }

    @Test
    void cdkNagFindsNothingUnsuppressed() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }
}
