package dev.assetflow.infra;

import dev.assetflow.topology.DeployableArtifacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.AddBehaviorOptions;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The operator console (README, "The console"): the built app ({@code console/dist}) in a private bucket of its own,
 * served by a CloudFront distribution that also sends {@code /renditions/*} to the renditions bucket (previews and
 * the HLS player) and the API's paths to the HTTP API, so the console, its previews and its calls share one origin
 * and need no CORS. The API keeps its authorizer: CloudFront forwards the viewer's headers (Authorization among
 * them) and caches nothing of it.
 */
final class Console extends Construct {
    /** The API's paths; everything else is the console's files. */
    static final List<String> API_PATHS = List.of("/uploads", "/uploads/*", "/assets", "/assets/*", "/ops/*");

    private final Bucket site;
    private final Distribution distribution;

    Console(Construct scope, Storage storage, Api api, DeploySettings settings, Path dist) {
        super(scope, "Console");
        site = Bucket.Builder.create(this, "Site")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .serverAccessLogsBucket(storage.accessLogs())
                .serverAccessLogsPrefix("console/")
                .removalPolicy(RemovalPolicy.RETAIN) // as every bucket of the stack: a teardown never deletes data by surprise
                .build();
        HttpOrigin apiOrigin = HttpOrigin.Builder.create(Fn.select(2, Fn.split("/", api.httpApi().getApiEndpoint()))).build();
        AddBehaviorOptions toApi = AddBehaviorOptions.builder()
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                // API Gateway wants its own Host header (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .build();
        distribution = Distribution.Builder.create(this, "Cdn")
                .comment("Assetflow console")
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(site))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .build())
                .additionalBehaviors(Map.of("/renditions/*", BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(storage.bucket(Storage.RENDITIONS)))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .build()))
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(storage.accessLogs())
                .logFilePrefix("console-cloudfront/")
                .build();
        API_PATHS.forEach(path -> distribution.addBehavior(path, apiOrigin, toApi));
        BucketDeployment.Builder.create(this, "Files")
                .sources(List.of(Source.asset(dist.toString())))
                .destinationBucket(site)
                .distribution(distribution)
                .distributionPaths(List.of("/index.html", "/app.js", "/style.css"))
                .build();
        if (!settings.corsAllowedOrigins().contains("*")) { // the console's browsers PUT uploads from its own origin
            storage.bucket(Storage.UPLOADS).addCorsRule(CorsRule.builder().allowedMethods(List.of(HttpMethods.PUT))
                    .allowedOrigins(List.of("https://" + distribution.getDistributionDomainName()))
                    .allowedHeaders(List.of("*")).exposedHeaders(List.of("ETag")).maxAge(3000).build());
        }
    }

    /** The console's files, or the synth fails saying how to build them. */
    static Path dist(DeployableArtifacts artifacts) {
        return artifacts.console().orElseThrow(() -> new IllegalStateException("the console is not built (console/dist): "
                + DeployableArtifacts.BUILD_CONSOLE));
    }

    Distribution distribution() {
        return distribution;
    }

    Bucket site() {
        return site;
    }
}
