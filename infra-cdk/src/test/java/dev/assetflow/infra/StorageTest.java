package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class StorageTest {

    @Test
    void everyBucketIsPrivateEncryptedAndLogged() {
        Map<String, Map<String, Object>> buckets = resources("AWS::S3::Bucket");
        assertThat(buckets).hasSize(4); // uploads, renditions, access logs, the console's files
        buckets.values().forEach(bucket -> {
            Map<String, Object> props = properties(bucket);
            assertThat(props.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                    "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
            assertThat(props).containsKey("BucketEncryption");
        });
        assertThat(buckets.values().stream().filter(b -> properties(b).containsKey("LoggingConfiguration"))).hasSize(3);
        assertThat(bucketRetention()).allMatch("Retain"::equals);
    }

    @Test
    void everyBucketRefusesPlainHttp() {
        template().resourceCountIs("AWS::S3::BucketPolicy", 4);
        resources("AWS::S3::BucketPolicy").values().forEach(policy ->
                assertThat(properties(policy).toString()).contains("aws:SecureTransport=false").contains("Effect=Deny"));
    }

    @Test
    void uploadsAcceptBrowserPutsKeepVersionsAndAbortStaleMultipartUploads() {
        template().hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "CorsConfiguration", Map.of("CorsRules", List.of(Match.objectLike(Map.of(
                        "AllowedMethods", List.of("PUT"), "ExposedHeaders", List.of("ETag"))))),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7),
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30)))))))));
    }

    @Test
    void aSegmentedVideosScratchExpiresAfterAWeekAndNothingElseInTheRenditionsBucketDoes() {
        template().hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Prefix", "chunks/", "ExpirationInDays", 7, "Status", "Enabled"))))))));
        template().resourcePropertiesCountIs("AWS::S3::Bucket", Match.objectLike(Map.of("LifecycleConfiguration",
                Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of("ExpirationInDays", 7))))))), 1);
    }

    @Test
    void uploadsNotifyTheIngestQueueOnObjectCreation() {
        template().hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Map.of("QueueConfigurations", List.of(Match.objectLike(Map.of(
                        "Events", List.of("s3:ObjectCreated:*"),
                        "Filter", Map.of("Key", Map.of("FilterRules", List.of(Map.of("Name", "prefix", "Value", "uploads/")))))))))));
    }

    @Test
    void renditionsAreServedByCloudFrontThroughOriginAccessControl() {
        template().resourceCountIs("AWS::CloudFront::Distribution", 2); // the renditions', the console's (ConsoleTest)
        template().resourceCountIs("AWS::CloudFront::OriginAccessControl", 3); // renditions; the console: its files, renditions
        template().hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of(
                "DistributionConfig", Match.objectLike(Map.of(
                        "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                        "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/")))))));
    }

    private static List<Object> bucketRetention() {
        return resources("AWS::S3::Bucket").values().stream().map(b -> b.get("DeletionPolicy")).toList();
    }
}
