package dev.assetflow.infra;

import dev.assetflow.topology.BucketSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The buckets of the topology, private and encrypted, TLS only, access-logged; uploads accept browser
 * PUTs (CORS) and clean up abandoned multipart uploads; renditions are served through CloudFront
 * with origin access control.
 */
final class Storage extends Construct {
    static final String UPLOADS = "uploads";
    static final String RENDITIONS = "renditions";

    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Bucket accessLogs;
    private final Distribution cdn;

    Storage(Construct scope, Map<String, BucketSpec> specs, DeploySettings settings) {
        super(scope, "Storage");
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // CloudFront standard logging writes with ACLs
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(365)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        specs.forEach((logical, spec) -> buckets.put(logical, bucket(logical, spec, settings)));
        cdn = Distribution.Builder.create(this, "RenditionsCdn")
                .comment("Assetflow renditions")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket(RENDITIONS)))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .build())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(accessLogs)
                .logFilePrefix("cloudfront/")
                .build();
    }

    private Bucket bucket(String logical, BucketSpec spec, DeploySettings settings) {
        Bucket.Builder builder = Bucket.Builder.create(this, Names.pascal(logical))
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(logical + "/")
                .removalPolicy(RemovalPolicy.RETAIN);
        if (spec.browserUploads()) { // the apps' and the console's browsers PUT to presigned URLs from their own origins
            builder.cors(List.of(CorsRule.builder()
                    .allowedMethods(List.of(HttpMethods.PUT))
                    .allowedOrigins(settings.corsAllowedOrigins())
                    .allowedHeaders(List.of("*"))
                    .exposedHeaders(List.of("ETag"))
                    .maxAge(3000)
                    .build()));
        }
        if (UPLOADS.equals(logical)) {
            builder.versioned(true).lifecycleRules(uploadLifecycle(settings));
        } else {
            List<LifecycleRule> rules = new ArrayList<>(List.of(abortIncompleteUploads()));
            spec.expirations().forEach(expiration -> rules.add(LifecycleRule.builder().id("expire-" + Names.pascal(expiration.prefix()))
                    .prefix(expiration.prefix()).expiration(Duration.days(expiration.days())).build()));
            builder.lifecycleRules(rules);
        }
        return builder.build();
    }

    private static List<LifecycleRule> uploadLifecycle(DeploySettings settings) {
        LifecycleRule.Builder originals = LifecycleRule.builder()
                .id("originals")
                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                // an overwritten original stays recoverable for 30 days
                .noncurrentVersionExpiration(Duration.days(30));
        if (settings.archiveOriginalsAfterDays() > 0) {
            // Glacier Instant Retrieval: still readable by the pipeline in milliseconds
            originals.transitions(List.of(Transition.builder().storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                    .transitionAfter(Duration.days(settings.archiveOriginalsAfterDays())).build()));
        }
        return List.of(originals.build());
    }

    private static LifecycleRule abortIncompleteUploads() {
        return LifecycleRule.builder().id("abort-incomplete-multipart").abortIncompleteMultipartUploadAfter(Duration.days(7)).build();
    }

    Bucket bucket(String logical) {
        Bucket bucket = buckets.get(logical);
        if (bucket == null) {
            throw new IllegalArgumentException("the topology has no bucket " + logical);
        }
        return bucket;
    }

    Bucket accessLogs() {
        return accessLogs;
    }

    Distribution cdn() {
        return cdn;
    }
}
