package dev.assetflow.topology;

/**
 * Turns logical references into what a function needs at run time. The local stack answers with the
 * names and URLs it provisioned; infra-cdk with CloudFormation tokens.
 */
public interface ResourceResolver {
    String bucketName(String logical);

    String tableName(String logical);

    String queueUrl(String logical);

    String deadLetterQueueUrl(String logicalQueue);

    /** The physical queue name: the last segment of an SQS event source ARN. */
    String queueName(String logical);

    String topicArn(String logical);

    /** The path of a bundled tool (ffmpeg, ffprobe) on this host. */
    String toolPath(String tool);

    /** The role MediaConvert jobs assume (passed with each CreateJob). */
    String mediaConvertRoleArn();

    /** The stack's MediaConvert queue of a priority class ({@code critical}, {@code standard}, {@code bulk}). */
    String mediaConvertQueueArn(String priority);

    /** The SSM parameter holding a configuration document ({@code parameters} in the topology). */
    String parameterName(String logical);

    /** The ARN of the Secrets Manager secret that signs webhook {@code webhook}'s deliveries. */
    String webhookSecretArn(String webhook);
}
