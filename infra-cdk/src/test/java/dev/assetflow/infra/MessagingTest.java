package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Queues, topics, subscriptions and rules follow the topology exactly. */
class MessagingTest {
    private final Topology topology = TopologyLoader.load();

    @Test
    void everyTopologyQueueExistsWithItsDeadLetterQueueAndEncryption() {
        long dlqs = topology.queues().values().stream().filter(q -> q.hasDeadLetterQueue()).count();
        template().resourceCountIs("AWS::SQS::Queue", topology.queues().size() + (int) dlqs);
        resources("AWS::SQS::Queue").values().forEach(queue ->
                assertThat(properties(queue)).containsEntry("SqsManagedSseEnabled", true));
        topology.queues().forEach((name, spec) -> {
            if (spec.hasDeadLetterQueue()) {
                template().hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                        "VisibilityTimeout", spec.visibilityTimeoutSeconds(),
                        "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", spec.maxReceiveCount())))));
            }
        });
        assertThat(resources("AWS::SQS::QueuePolicy")).isNotEmpty();
        resources("AWS::SQS::QueuePolicy").values().forEach(policy ->
                assertThat(properties(policy).toString()).contains("aws:SecureTransport=false"));
    }

    @Test
    void topicsAreEncryptedAndSubscribersFiltered() {
        template().resourceCountIs("AWS::SNS::Topic", 2); // asset-events, ops
        resources("AWS::SNS::Topic").values().forEach(topic -> assertThat(properties(topic)).containsKey("KmsMasterKeyId"));
        template().hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        template().hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("TracingConfig", "Active")));
        template().hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "sqs", "RawMessageDelivery", true,
                "FilterPolicy", Map.of("type", List.of("rendition.ready", "asset.ready", "asset.deleted")))));
        template().hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "sqs",
                "FilterPolicy", Map.of("type", List.of("asset.ready", "asset.partial", "asset.failed", "asset.quarantined", "asset.deleted")))));
        template().resourceCountIs("AWS::SNS::Subscription", 3); // two subscriber queues + the alarm e-mail
    }

    @Test
    void mediaConvertJobStateChangesGoToTheirQueue() {
        template().hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of("source", List.of("aws.mediaconvert"), "detail-type", List.of("MediaConvert Job State Change")),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Match.anyValue()))))));
        template().resourceCountIs("AWS::MediaConvert::Queue", 3);
        template().hasResourceProperties("AWS::MediaConvert::Queue", Map.of("PricingPlan", "ON_DEMAND", "Status", "ACTIVE",
                "Description", "Assetflow critical video"));
        template().hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "mediaconvert.amazonaws.com")))))))));
    }

    @Test
    void tablesAreOnDemandWithPointInTimeRecoveryAndTtl() {
        template().resourceCountIs("AWS::DynamoDB::Table", topology.tables().size());
        resources("AWS::DynamoDB::Table").values().forEach(table -> {
            assertThat(properties(table)).containsEntry("BillingMode", "PAY_PER_REQUEST")
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                    .containsEntry("DeletionProtectionEnabled", true);
            assertThat(table.get("DeletionPolicy")).isEqualTo("Retain");
        });
        template().hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
        // the status API's index: sparse (only asset items carry listedAt), keys plus the listed attributes
        template().hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of("GlobalSecondaryIndexes", List.of(Map.of(
                "IndexName", "by-state",
                "KeySchema", List.of(Map.of("AttributeName", "state", "KeyType", "HASH"), Map.of("AttributeName", "listedAt", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", topology.tables().get("assets").indexes().get("by-state")
                        .attributes()))))));
    }

    @Test
    void theRoutingRulesAndProfilesLiveInParameters() throws Exception {
        for (String document : new String[] {"routing-rules", "profiles"}) {
            String text = Files.readString(Path.of("../config/" + document + ".json"));
            template().hasResourceProperties("AWS::SSM::Parameter", Match.objectLike(Map.of("Type", "String", "Value", text,
                    "Name", Match.stringLikeRegexp("^/.+/config/" + document + "$"))));
            Map<String, Object> metric = Map.of("MetricName", "ConfigRejected", "Namespace", "Assetflow",
                    "Dimensions", List.of(Map.of("Name", "ConfigDocument", "Value", document)));
            template().hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmDescription", Match.stringLikeRegexp("A new version of the " + document + " parameter failed validation.*"),
                    "Metrics", List.of(Match.objectLike(Map.of("MetricStat", Match.objectLike(Map.of("Metric", metric))))))));
        }
    }
}
