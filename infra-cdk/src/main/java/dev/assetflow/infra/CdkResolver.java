package dev.assetflow.infra;

import dev.assetflow.topology.ResourceResolver;

/** Answers the topology's references with CloudFormation tokens, so FunctionEnvironment works here as locally. */
final class CdkResolver implements ResourceResolver {
    /** Where the ffmpeg layer puts its tools (a layer's content lands under /opt). */
    static final String TOOLS_DIR = "/opt/bin/";

    private final Storage storage;
    private final Tables tables;
    private final Messaging messaging;
    private final MediaConvert mediaConvert;
    private final ConfigParameters parameters;
    private final WebhookSecrets secrets;

    CdkResolver(Storage storage, Tables tables, Messaging messaging, MediaConvert mediaConvert, ConfigParameters parameters,
            WebhookSecrets secrets) {
        this.parameters = parameters;
        this.secrets = secrets;
        this.storage = storage;
        this.tables = tables;
        this.messaging = messaging;
        this.mediaConvert = mediaConvert;
    }

    @Override
    public String bucketName(String logical) {
        return storage.bucket(logical).getBucketName();
    }

    @Override
    public String tableName(String logical) {
        return tables.table(logical).getTableName();
    }

    @Override
    public String queueUrl(String logical) {
        return messaging.queue(logical).getQueueUrl();
    }

    @Override
    public String deadLetterQueueUrl(String logicalQueue) {
        return messaging.deadLetterQueue(logicalQueue)
                .orElseThrow(() -> new IllegalArgumentException("queue " + logicalQueue + " has no DLQ"))
                .getQueueUrl();
    }

    @Override
    public String queueName(String logical) {
        return messaging.queue(logical).getQueueName();
    }

    @Override
    public String topicArn(String logical) {
        return messaging.topic(logical).getTopicArn();
    }

    @Override
    public String toolPath(String tool) {
        return TOOLS_DIR + tool;
    }

    @Override
    public String parameterName(String logical) {
        return parameters.parameter(logical).getParameterName();
    }

    @Override
    public String webhookSecretArn(String webhook) {
        return secrets.secret(webhook).getSecretArn();
    }

    @Override
    public String mediaConvertRoleArn() {
        return mediaConvert.role().getRoleArn();
    }

    @Override
    public String mediaConvertQueueArn(String priority) {
        return mediaConvert.queue(priority).getAttrArn();
    }
}
