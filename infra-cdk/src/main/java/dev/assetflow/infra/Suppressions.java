package dev.assetflow.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.Collection;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.IConstruct;

/**
 * The cdk-nag findings this stack accepts, each scoped as narrowly as cdk-nag allows and with its
 * reason. Anything else cdk-nag reports fails the build (CdkNagTest).
 */
final class Suppressions {

    private Suppressions() {
    }

    static void apply(Stack stack, Storage storage, Messaging messaging, Collection<Function> functions, Console console,
            WebhookSecrets secrets) {
        NagSuppressions.addStackSuppressions(stack, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("These wildcards come from CDK grant methods scoped to one resource: the objects of one "
                                + "bucket (bucket/*, or one key prefix of it such as uploads/*), the indexes of one table (table/index/*: "
                                + "the assets table's by-state index, which the status API queries) and the "
                                + "s3:GetObject*/List*/GetBucket*/Abort* and kms:GenerateDataKey*/ReEncrypt* action groups the SDK needs on "
                                + "that bucket or key; s3:DeleteObject* (object and its versions) only for asset-erasure, the one function "
                                + "that may delete (LeastPrivilegeTest).")
                        .appliesTo(List.of(
                                RegexAppliesTo.builder().regex("/^Resource::<Storage[A-Za-z0-9]+\\.Arn>\\/([a-z-]+\\/)?\\*$/g").build(),
                                RegexAppliesTo.builder().regex("/^Resource::<Tables[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/g").build(),
                                "Action::s3:Abort*", "Action::s3:List*", "Action::s3:GetObject*", "Action::s3:GetBucket*",
                                "Action::s3:DeleteObject*",
                                "Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"))
                        .build()));
        for (IConstruct child : stack.getNode().getChildren()) {
            if (child.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
                suppress(child, "AwsSolutions-IAM4", "CDK's own BucketDeployment handler, which copies the console's built files "
                        + "into the console bucket at deploy time; CDK gives its role AWSLambdaBasicExecutionRole.");
                suppress(child, "AwsSolutions-IAM5", "CDK's BucketDeployment handler reads the CDK asset bucket's staged files and "
                        + "writes the console bucket (bucket/*, s3:GetObject*/List*/DeleteObject*): the grants CDK gives it.");
                suppress(child, "AwsSolutions-L1", "CDK's BucketDeployment handler runs on the Python runtime CDK pins for it.");
            }
            if (child.getNode().getId().startsWith("BucketNotificationsHandler")) {
                suppress(child, "AwsSolutions-IAM4", "CDK's own handler that writes the uploads bucket's notification "
                        + "configuration at deploy time; CDK gives its role AWSLambdaBasicExecutionRole. The pipeline's "
                        + "functions have roles of their own that write only to their own log group.");
            }
        }
        for (Function function : functions) {
            suppress(function, "AwsSolutions-L1", "java21 is the runtime Assetflow targets and tests; moving to a newer "
                    + "Java runtime is a deliberate upgrade, not a drift.");
            // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html
            NagSuppressions.addResourceSuppressions(function.getRole(), List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                    .reason("Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords, which Lambda's tracing needs, "
                            + "have no resource-level permission (LeastPrivilegeTest allows only them and ListEventSourceMappings on *)")
                    .appliesTo(List.of("Resource::*")).build()), true);
        }
        secrets.all().values().forEach(secret -> suppress(secret, "AwsSolutions-SMG4", "A webhook's signing key is shared with its "
                + "subscriber, who must switch keys at the same moment: rotate it by hand with the subscriber (README, Webhooks), "
                + "not on a schedule that would break their verification."));
        suppress(messaging.queue("review"), "AwsSolutions-SQS3", "The review queue has no consumer: a human reads it, "
                + "and its messages are kept 14 days. A DLQ would never receive anything.");
        suppress(storage.cdn(), "AwsSolutions-CFR1", "Renditions are served worldwide; geo restriction is a per-deployment "
                + "business decision added on the distribution when needed.");
        suppress(storage.cdn(), "AwsSolutions-CFR2", "Read-only renditions from a private bucket through origin access "
                + "control; attach a WAF web ACL per deployment if the traffic calls for it.");
        suppress(console.distribution(), "AwsSolutions-CFR1", "The console is reached by the deployment's operators "
                + "wherever they are; restrict by geography or IP on the distribution per deployment.");
        suppress(console.distribution(), "AwsSolutions-CFR2", "The console's files are public static code; the API behind it "
                + "keeps its authorizer. Attach a WAF web ACL per deployment if the traffic calls for it.");
        suppress(console.distribution(), "AwsSolutions-CFR4", "The console uses the default CloudFront certificate (no custom "
                + "domain yet), whose TLS policy cannot be set; a custom domain brings TLSv1.2_2021.");
        suppress(storage.cdn(), "AwsSolutions-CFR4", "The distribution uses the default CloudFront certificate (no custom "
                + "domain yet), whose TLS policy cannot be set; a custom domain brings TLSv1.2_2021.");
    }

    /** On a circuit breaker's policy (AssetflowStack.breakerPermissions) only. */
    static void listEventSourceMappings(IConstruct breakerPolicy) {
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
        NagSuppressions.addResourceSuppressions(breakerPolicy, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("lambda:ListEventSourceMappings, which a circuit breaker needs to find its step's mappings, has "
                        + "no resource-level permission; it is the only action on Resource::* (LeastPrivilegeTest)")
                .appliesTo(List.of("Resource::*")).build()), true);
    }

    static void mediaConvertJobs(IConstruct role) {
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselementalmediaconvert.html
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("MediaConvert job ARNs end in an id MediaConvert makes up at CreateJob, so GetJob and CancelJob (the "
                        + "submitter's watch) can only name the account's jobs/*; CreateJob names exactly the stack's queues")
                // the region is a token in an environment-agnostic synth and a name when one is given (cdk synth -c region)
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::arn:<AWS::Partition>:mediaconvert:(<AWS::Region>|[a-z0-9-]+):<AWS::AccountId>:jobs\\/\\*$/g")
                        .build())).build()), true);
    }

    private static void suppress(IConstruct construct, String id, String reason) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
    }
}
