package dev.assetflow.localstack.provision;

import dev.assetflow.topology.ParameterSpec;
import dev.assetflow.topology.ResourceNames;
import dev.assetflow.topology.ResourceResolver;
import java.util.HashMap;
import java.util.Map;

/** What the provisioner created, answering the topology's references with real names, URLs and ARNs. */
public final class ProvisionedResources implements ResourceResolver {
    /** moto's default account. */
    static final String ACCOUNT = "123456789012";
    private final ResourceNames names;
    private final Map<String, String> queueUrls = new HashMap<>();
    private final Map<String, String> queueArns = new HashMap<>();
    private final Map<String, String> deadLetterUrls = new HashMap<>();
    private final Map<String, String> topicArns = new HashMap<>();
    private final Map<String, String> webhookSecretArns = new HashMap<>();
    private final Map<String, String> toolPaths;
    private final String region;

    ProvisionedResources(ResourceNames names, Map<String, String> toolPaths, String region) {
        this.names = names;
        this.toolPaths = Map.copyOf(toolPaths);
        this.region = region;
    }

    void queue(String logical, String url, String arn) {
        queueUrls.put(logical, url);
        queueArns.put(logical, arn);
    }

    void deadLetterQueue(String logicalSource, String url) {
        deadLetterUrls.put(logicalSource, url);
    }

    void topic(String logical, String arn) {
        topicArns.put(logical, arn);
    }

    void webhookSecret(String webhook, String arn) {
        webhookSecretArns.put(webhook, arn);
    }

    public ResourceNames names() {
        return names;
    }

    public String queueArn(String logical) {
        return require(queueArns, logical, "queue");
    }

    @Override
    public String bucketName(String logical) {
        return names.of(logical);
    }

    @Override
    public String tableName(String logical) {
        return names.of(logical);
    }

    @Override
    public String queueUrl(String logical) {
        return require(queueUrls, logical, "queue");
    }

    @Override
    public String deadLetterQueueUrl(String logicalQueue) {
        return require(deadLetterUrls, logicalQueue, "dead-letter queue of");
    }

    @Override
    public String queueName(String logical) {
        return names.of(logical);
    }

    @Override
    public String topicArn(String logical) {
        return require(topicArns, logical, "topic");
    }

    @Override
    public String toolPath(String tool) {
        return require(toolPaths, tool, "tool");
    }

    /** The role the local MediaConvert stand-in accepts: the stack's, as on AWS (the emulator's default account). */
    @Override
    public String parameterName(String logical) {
        return ParameterSpec.name(names.prefix(), logical);
    }

    @Override
    public String webhookSecretArn(String webhook) {
        return require(webhookSecretArns, webhook, "secret of webhook");
    }

    @Override
    public String mediaConvertRoleArn() {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + names.of("mediaconvert");
    }

    /** The stand-in's queues: one per priority class, named after the stack like every resource. */
    @Override
    public String mediaConvertQueueArn(String priority) {
        return "arn:aws:mediaconvert:" + region + ":" + ACCOUNT + ":queues/" + names.of("mediaconvert-" + priority);
    }

    private static String require(Map<String, String> map, String key, String what) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " '" + key + "' was provisioned");
        }
        return value;
    }
}
