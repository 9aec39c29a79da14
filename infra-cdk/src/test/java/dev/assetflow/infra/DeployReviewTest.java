package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;

/** What the infrastructure review found would break or misbehave on AWS, each held by an assertion. */
class DeployReviewTest {

    @Test
    void cloudWatchAlarmsOfThisAccountMayPublishToTheOpsTopic() {
        String policies = resources("AWS::SNS::TopicPolicy").values().toString();
        assertThat(policies).contains("cloudwatch.amazonaws.com", "sns:Publish", "aws:SourceAccount", "AllowCloudWatchAlarmsOfThisAccount");
        template().hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow", "Action", "sns:Publish",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of("StringEquals", Match.objectLike(Map.of(
                                "aws:SourceAccount", Match.anyValue())))))))))))));
    }

    @Test
    void aJwtIssuerWithoutAnAudienceFailsTheSynthWithWhatToSet() {
        App app = new App(AppProps.builder().context(Map.of("ffmpegLayerArn", SynthesizedStack.FFMPEG_LAYER,
                "jwtIssuer", "https://issuer.example.com", "stackName", "AssetflowNoAudience")).outdir("target/cdk.out.noaud").build());
        assertThatThrownBy(() -> AssetflowApp.build(app)).hasMessageContaining("jwtAudience");
    }

    @Test
    void browsersMaySendSigV4HeadersToTheApi() {
        template().hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("CorsConfiguration",
                Match.objectLike(Map.of("AllowHeaders", Match.arrayWith(List.of("x-amz-date", "x-amz-security-token",
                        "x-amz-content-sha256")))))));
    }

    @Test
    void theAccessLogUsesHttpApiVariablesOnly() {
        String format = resources("AWS::ApiGatewayV2::Stage").values().toString();
        assertThat(format).contains("$context.routeKey", "$context.path", "$context.status", "$context.integrationErrorMessage")
                .doesNotContain("$context.resourcePath");
    }

    @Test
    void anFfmpegLayerOfAnotherRegionFailsTheSynth() {
        App app = new App(AppProps.builder().context(Map.of("ffmpegLayerArn", SynthesizedStack.FFMPEG_LAYER, // eu-west-1
                "region", "us-east-1", "stackName", "AssetflowWrongRegion")).outdir("target/cdk.out.region").build());
        assertThatThrownBy(() -> AssetflowApp.build(app)).hasMessageContaining("not a layer version of this stack's region us-east-1");
    }

    @Test
    void everyFunctionWritesOnlyToItsOwnLogGroup() {
        for (String function : pipelineFunctions().keySet()) {
            String id = function.substring(0, function.length() - 8); // the generated suffix
            assertThat(resources("AWS::IAM::Role").entrySet().stream().filter(e -> e.getKey().startsWith(id + "ServiceRole"))
                    .map(e -> e.getValue().toString()).toList()).as(function).hasSize(1)
                    .noneMatch(role -> role.contains("AWSLambdaBasicExecutionRole"));
            String policy = policies().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(id + "ServiceRole")).map(e -> e.getValue().toString()).findFirst().orElseThrow();
            assertThat(policy).as(function).contains("logs:CreateLogStream", "logs:PutLogEvents", id + "Logs")
                    .doesNotContain("logs:*");
        }
    }

    @Test
    void theQueuesMaximumConcurrencyMustFitTheAccountsLimit() {
        App app = new App(AppProps.builder().context(Map.of("ffmpegLayerArn", SynthesizedStack.FFMPEG_LAYER,
                "accountConcurrencyLimit", "10", "stackName", "AssetflowNewAccount")).outdir("target/cdk.out.small").build());
        assertThatThrownBy(() -> AssetflowApp.build(app)).hasMessageContaining("over the account's concurrency limit of 10")
                .hasMessageContaining("Service Quotas");
    }

    @Test
    void everyConsumingStageAlarmsOnItsRecordFailureRateAndEveryWorkQueueOnItsAge() {
        String alarms = resources("AWS::CloudWatch::Alarm").keySet().toString();
        for (String stage : List.of("Ingest", "ImageWorker", "VideoWorker", "VideoChunkWorker", "AudioWorker", "DocumentWorker")) {
            assertThat(alarms).contains(stage + "RecordFailureRate");
        }
        assertThat(alarms).contains("VideoChunksCriticalOldestMessageAge", "VideoChunksBulkOldestMessageAge");
        String failureRate = resources("AWS::CloudWatch::Alarm").entrySet().stream()
                .filter(e -> e.getKey().contains("ImageWorkerRecordFailureRate")).map(e -> e.getValue().toString()).findFirst()
                .orElseThrow();
        assertThat(failureRate).contains("100 * failures / records", "Failures", "Records", "Threshold=2", "EvaluationPeriods=5");
    }

    @Test
    void theUploadApiMayOnlyPutUnderUploads() {
        String uploadApiPolicies = policies().entrySet().stream()
                .filter(e -> e.getKey().startsWith("UploadApi")).map(e -> e.getValue().toString()).toList().toString();
        assertThat(uploadApiPolicies).contains("s3:PutObject", "/uploads/*");
        assertThat(uploadApiPolicies).doesNotContainPattern("s3:PutObject[^\\]]*UploadsBucket[^\\]]*\"/\\*\"");
    }
}
