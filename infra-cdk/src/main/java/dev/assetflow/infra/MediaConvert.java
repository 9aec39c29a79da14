package dev.assetflow.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final List<String> PRIORITIES = List.of("critical", "standard", "bulk");

    private final Role role;
    private final Map<String, CfnQueue> queues = new LinkedHashMap<>();

    MediaConvert(Construct scope, Bucket uploads, Bucket renditions) {
        super(scope, "MediaConvert");
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("mediaconvert.amazonaws.com"))
                .description("Assumed by MediaConvert jobs: read originals, write renditions")
                .build();
        uploads.grantRead(role);
        renditions.grantPut(role);
        for (String priority : PRIORITIES) {
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
}
