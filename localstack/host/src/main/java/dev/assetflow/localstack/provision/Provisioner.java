package dev.assetflow.localstack.provision;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.domain.json.Json;
import dev.assetflow.topology.BucketSpec;
import dev.assetflow.topology.EventRuleSpec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.ResourceNames;
import dev.assetflow.topology.TableSpec;
import dev.assetflow.topology.TopicSpec;
import dev.assetflow.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import dev.assetflow.topology.WebhookSpec;
import java.security.SecureRandom;
import java.util.HexFormat;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import dev.assetflow.topology.TopologyLoader;

/**
 * Creates everything the topology defines, through the same AWS APIs CloudFormation would call:
 * tables, queues with their dead-letter queues and redrive policies, topics with filtered
 * subscriptions, buckets with their notifications to queues, EventBridge rules to queues, and the
 * configuration documents as SSM parameters.
 */
public final class Provisioner {
    /**
     * S3 accepts "prefix" in any case; the SDK's FilterRuleName.PREFIX sends "Prefix", which moto
     * refuses (HTTP 500), so the lowercase form the S3 documentation uses is sent.
     */
    private static final String PREFIX_RULE = "prefix";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AwsClients clients;

    public Provisioner(AwsClients clients) {
        this.clients = clients;
    }

    /** @param configDocuments first versions of configuration documents to use instead of {@code config/}'s, by logical name */
    public ProvisionedResources provision(Topology topology, ResourceNames names, Map<String, String> toolPaths,
            Map<String, String> configDocuments) {
        ProvisionedResources resources = new ProvisionedResources(names, toolPaths, clients.settings().region().id());
        topology.tables().forEach((logical, table) -> createTable(names.of(logical), table));
        topology.parameters().forEach((logical, parameter) -> clients.ssm().putParameter(b -> b
                .name(resources.parameterName(logical)).type(ParameterType.STRING).tier(ParameterTier.STANDARD).overwrite(true)
                .description(parameter.purpose())
                .value(configDocuments.getOrDefault(logical, TopologyLoader.configDocument(parameter.file())))));
        topology.webhooks().keySet().forEach(webhook -> createWebhookSecret(resources, webhook));
        topology.queues().forEach((logical, queue) -> createQueue(resources, logical, queue));
        topology.topics().forEach((logical, topic) -> createTopic(resources, logical, topic));
        topology.buckets().forEach((logical, bucket) -> createBucket(resources, names.of(logical), bucket));
        if (!topology.eventRules().isEmpty()) {
            try (EventBridgeClient events = clients.configure(EventBridgeClient.builder()).build()) {
                topology.eventRules().forEach((logical, rule) -> createEventRule(events, resources, names.of(logical), rule));
            }
        }
        return resources;
    }

    /**
     * A webhook's signing secret, random as the CDK stack's (Secrets Manager generates that one): never in the topology,
     * the code or a log; a test reads it with GetSecretValue as a subscriber's operator would.
     */
    private void createWebhookSecret(ProvisionedResources resources, String webhook) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String arn = clients.secretsManager().createSecret(b -> b.name(resources.names().of(WebhookSpec.resourceName(webhook)))
                .description("Assetflow webhook " + webhook + ": the key its deliveries are signed with")
                .secretString("whsec_" + HexFormat.of().formatHex(random))).arn();
        resources.webhookSecret(webhook, arn);
    }

    private void createTable(String name, TableSpec spec) {
        List<KeySchemaElement> keys = new ArrayList<>(List.of(key(spec.partitionKey(), KeyType.HASH)));
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(attribute(spec.partitionKey())));
        if (spec.sortKey() != null) {
            keys.add(key(spec.sortKey(), KeyType.RANGE));
            attributes.add(attribute(spec.sortKey()));
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        spec.indexes().forEach((index, gsi) -> {
            List<KeySchemaElement> indexKeys = new ArrayList<>(List.of(key(gsi.partitionKey(), KeyType.HASH)));
            Stream.of(gsi.partitionKey(), gsi.sortKey()).filter(a -> a != null && attributes.stream().noneMatch(d -> d.attributeName().equals(a)))
                    .forEach(a -> attributes.add(attribute(a)));
            if (gsi.sortKey() != null) {
                indexKeys.add(key(gsi.sortKey(), KeyType.RANGE));
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName(index).keySchema(indexKeys)
                    .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(gsi.attributes())).build());
        });
        clients.dynamoDb().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys).attributeDefinitions(attributes).globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
        clients.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(name));
        if (spec.ttlAttribute() != null) {
            clients.dynamoDb().updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(spec.ttlAttribute())));
        }
    }

    private void createQueue(ProvisionedResources resources, String logical, QueueSpec spec) {
        ResourceNames names = resources.names();
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(spec.visibilityTimeoutSeconds()));
        if (spec.messageRetentionSeconds() != null) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, spec.messageRetentionSeconds().toString());
        }
        if (spec.hasDeadLetterQueue()) {
            String dlqUrl = clients.sqs().createQueue(b -> b.queueName(names.deadLetterQueue(logical))
                    .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
            resources.deadLetterQueue(logical, dlqUrl);
            attributes.put(QueueAttributeName.REDRIVE_POLICY, Json.write(Map.of(
                    "deadLetterTargetArn", arnOf(dlqUrl), "maxReceiveCount", spec.maxReceiveCount())));
        }
        String url = clients.sqs().createQueue(b -> b.queueName(names.of(logical)).attributes(attributes)).queueUrl();
        resources.queue(logical, url, arnOf(url));
    }

    private void createTopic(ProvisionedResources resources, String logical, TopicSpec spec) {
        String arn = clients.sns().createTopic(b -> b.name(resources.names().of(logical))).topicArn();
        resources.topic(logical, arn);
        for (TopicSpec.Subscription subscription : spec.subscriptions()) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("RawMessageDelivery", Boolean.toString(subscription.rawMessageDelivery()));
            if (subscription.filterPolicy() != null) {
                attributes.put("FilterPolicy", subscription.filterPolicy().toString());
            }
            clients.sns().subscribe(b -> b.topicArn(arn).protocol("sqs")
                    .endpoint(resources.queueArn(subscription.queue())).attributes(attributes));
        }
    }

    private void createBucket(ProvisionedResources resources, String name, BucketSpec spec) {
        clients.s3().createBucket(b -> b.bucket(name));
        if (spec.browserUploads()) { // as infra-cdk's Storage: browsers PUT to presigned URLs from another origin (the console's)
            clients.s3().putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(r -> r.allowedMethods("PUT")
                    .allowedOrigins("*").allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(3000))));
        }
        if (!spec.expirations().isEmpty()) {
            clients.s3().putBucketLifecycleConfiguration(b -> b.bucket(name).lifecycleConfiguration(c -> c.rules(
                    spec.expirations().stream().map(expiration -> LifecycleRule.builder().id("expire-" + expiration.prefix().replace('/', '-'))
                            .filter(f -> f.prefix(expiration.prefix())).status(ExpirationStatus.ENABLED)
                            .expiration(e -> e.days(expiration.days())).build()).toList())));
        }
        if (spec.notifications().isEmpty()) {
            return;
        }
        List<QueueConfiguration> configurations = spec.notifications().stream()
                .map(n -> QueueConfiguration.builder()
                        .queueArn(resources.queueArn(n.queue()))
                        .eventsWithStrings(n.events())
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name(PREFIX_RULE)
                                .value(n.prefix() == null ? "" : n.prefix()))))
                        .build())
                .toList();
        clients.s3().putBucketNotificationConfiguration(b -> b.bucket(name)
                .notificationConfiguration(c -> c.queueConfigurations(configurations)));
    }

    /** An EventBridge rule on the default bus that sends matching events to a queue. */
    private static void createEventRule(EventBridgeClient events, ProvisionedResources resources, String name, EventRuleSpec rule) {
        Map<String, Object> pattern = new HashMap<>();
        pattern.put("source", rule.source());
        if (!rule.detailType().isEmpty()) {
            pattern.put("detail-type", rule.detailType());
        }
        events.putRule(b -> b.name(name).eventPattern(Json.write(pattern)));
        events.putTargets(b -> b.rule(name).targets(t -> t.id("queue").arn(resources.queueArn(rule.queue()))));
    }

    private String arnOf(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
