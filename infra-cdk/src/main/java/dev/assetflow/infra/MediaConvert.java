package dev.assetflow.infra;

import dev.assetflow.topology.EnvValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.mediaconvert.CfnQueue;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * For long video: one on-demand MediaConvert queue per priority class, so bulk jobs never delay
 * critical ones, and the role MediaConvert assumes to read originals and write renditions. Job state
 * changes reach the mediaconvert-events queue through the topology's EventBridge rule.
 */
final class MediaConvert extends Construct {
    static final String SERVICE = "mediaconvert.amazonaws.com";

    private final Role role;
    private final Map<String, CfnQueue> queues = new LinkedHashMap<>();

    MediaConvert(Construct scope, Bucket uploads, Bucket renditions) {
        super(scope, "MediaConvert");
        role = Role.Builder.create(this, "Role")
                // only on behalf of this account: the confused-deputy guard
                // (https://docs.aws.amazon.com/mediaconvert/latest/ug/cross-service-confused-deputy-prevention.html)
                .assumedBy(new ServicePrincipal(SERVICE).withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("Assumed by MediaConvert jobs: read originals, write renditions")
                .build();
        uploads.grantRead(role);
        renditions.grantPut(role);
        for (String priority : EnvValue.MEDIA_CONVERT_PRIORITIES) {
            queues.put(priority, CfnQueue.Builder.create(this, Names.pascal(priority) + "Queue")
                    .description("Assetflow " + priority + " video")
                    .pricingPlan("ON_DEMAND")
                    .status("ACTIVE")
                    .build());
        }
    }

    Role role() {
        return role;
    }

    Map<String, CfnQueue> queues() {
        return queues;
    }

    CfnQueue queue(String priority) {
        CfnQueue queue = queues.get(priority);
        if (queue == null) {
            throw new IllegalArgumentException("no MediaConvert queue for priority " + priority);
        }
        return queue;
    }

    /**
     * What the topology's {@code mediaConvert} references allow: {@code pass} the role, to MediaConvert
     * only; {@code submit} jobs to exactly this stack's queues and read or cancel jobs. Job ARNs carry a
     * random id, so GetJob and CancelJob name the account's jobs
     * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselementalmediaconvert.html).
     */
    void grant(String resource, String access, IGrantable function) {
        switch (resource + "/" + access) {
            case "role/pass" -> function.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("iam:PassRole")).resources(List.of(role.getRoleArn()))
                    .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", SERVICE))).build());
            case "queues/submit" -> {
                function.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("mediaconvert:CreateJob"))
                        .resources(queues.values().stream().map(CfnQueue::getAttrArn).toList()).build());
                function.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("mediaconvert:GetJob", "mediaconvert:CancelJob"))
                        .resources(List.of(Stack.of(this).formatArn(ArnComponents.builder().service("mediaconvert")
                                .resource("jobs").resourceName("*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                        .build());
                if (function.getGrantPrincipal() instanceof software.constructs.IConstruct role) {
                    Suppressions.mediaConvertJobs(role);
                }
            }
            case "queues/name", "role/name" -> { }
            default -> throw new IllegalArgumentException("MediaConvert " + resource + " access " + access);
        }
    }
}
