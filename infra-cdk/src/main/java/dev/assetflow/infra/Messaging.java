package dev.assetflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.topology.EventRuleSpec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.TopicSpec;
import dev.assetflow.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TracingConfig;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Queues with their dead-letter queues and redrive policies, topics with filtered subscriptions, and
 * EventBridge rules, all from the topology. Queues use SQS-managed encryption (S3, SNS and EventBridge
 * can all deliver to it without key policies); topics a customer managed KMS key with rotation.
 */
final class Messaging extends Construct {
    /** DLQs keep messages for the maximum, 14 days, so an operator always has time to triage. */
    private static final Duration DLQ_RETENTION = Duration.days(14);

    private final Map<String, Queue> queues = new HashMap<>();
    private final Map<String, Queue> deadLetterQueues = new HashMap<>();
    private final Map<String, Topic> topics = new HashMap<>();
    private final Key topicKey;

    Messaging(Construct scope, Topology topology) {
        super(scope, "Messaging");
        topicKey = Key.Builder.create(this, "TopicKey")
                .description("Encrypts Assetflow's SNS topics")
                .enableKeyRotation(true)
                .build();
        // CloudWatch alarms publish to the ops topic, which this key encrypts
        topicKey.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        topology.queues().forEach(this::queue);
        topology.topics().forEach(this::topic);
        topology.eventRules().forEach(this::eventRule);
    }

    private void queue(String logical, QueueSpec spec) {
        Queue.Builder builder = Queue.Builder.create(this, Names.pascal(logical))
                .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true);
        if (spec.messageRetentionSeconds() != null) {
            builder.retentionPeriod(Duration.seconds(spec.messageRetentionSeconds()));
        }
        if (spec.hasDeadLetterQueue()) {
            Queue dlq = Queue.Builder.create(this, Names.pascal(logical) + "Dlq")
                    .retentionPeriod(DLQ_RETENTION)
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            deadLetterQueues.put(logical, dlq);
            builder.deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(spec.maxReceiveCount()).build());
        }
        queues.put(logical, builder.build());
    }

    private void topic(String logical, TopicSpec spec) {
        Topic topic = Topic.Builder.create(this, Names.pascal(logical))
                .masterKey(topicKey)
                .enforceSsl(true)
                // active tracing: SNS passes the publisher's trace header on to the subscriber queues (README, Tracing)
                .tracingConfig(TracingConfig.ACTIVE)
                .build();
        for (TopicSpec.Subscription subscription : spec.subscriptions()) {
            topic.addSubscription(SqsSubscription.Builder.create(queue(subscription.queue()))
                    .rawMessageDelivery(subscription.rawMessageDelivery())
                    .filterPolicy(filterPolicy(subscription.filterPolicy()))
                    .build());
        }
        topics.put(logical, topic);
    }

    /** The topology's filter policy ({@code {"type": ["a", "b"]}}) as SNS subscription filters. */
    static Map<String, SubscriptionFilter> filterPolicy(JsonNode policy) {
        Map<String, SubscriptionFilter> filters = new HashMap<>();
        if (policy == null) {
            return filters;
        }
        policy.fields().forEachRemaining(field -> {
            List<String> allowed = new ArrayList<>();
            field.getValue().forEach(value -> allowed.add(value.asText()));
            filters.put(field.getKey(), SubscriptionFilter.stringFilter(StringConditions.builder().allowlist(allowed).build()));
        });
        return filters;
    }

    private void eventRule(String logical, EventRuleSpec spec) {
        EventPattern.Builder pattern = EventPattern.builder().source(spec.source());
        if (!spec.detailType().isEmpty()) {
            pattern.detailType(spec.detailType());
        }
        Rule.Builder.create(this, Names.pascal(logical) + "Rule")
                .description(spec.purpose())
                .eventPattern(pattern.build())
                .targets(List.of(new SqsQueue(queue(spec.queue()))))
                .build();
    }

    Queue queue(String logical) {
        Queue queue = queues.get(logical);
        if (queue == null) {
            throw new IllegalArgumentException("the topology has no queue " + logical);
        }
        return queue;
    }

    Optional<Queue> deadLetterQueue(String logical) {
        return Optional.ofNullable(deadLetterQueues.get(logical));
    }

    Map<String, Queue> deadLetterQueues() {
        return Map.copyOf(deadLetterQueues);
    }

    Topic topic(String logical) {
        Topic topic = topics.get(logical);
        if (topic == null) {
            throw new IllegalArgumentException("the topology has no topic " + logical);
        }
        return topic;
    }

    Key topicKey() {
        return topicKey;
    }
}
