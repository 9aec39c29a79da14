package dev.assetflow.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole topology, defined once in {@code topology/topology.json}: the local stack provisions from
 * it and infra-cdk synthesises from it, so the two cannot drift. Names here are logical; each host
 * turns them into physical names ({@link ResourceNames}). Each webhook ({@link WebhookSpec}) is expanded here into
 * its queue, its subscription to asset-events and its delivery function, so both hosts build them as any other.
 */
public record Topology(
        String app,
        Map<String, BucketSpec> buckets,
        Map<String, TableSpec> tables,
        Map<String, ParameterSpec> parameters,
        Map<String, QueueSpec> queues,
        Map<String, TopicSpec> topics,
        Map<String, EventRuleSpec> eventRules,
        Map<String, FunctionSpec> functions,
        Map<String, WebhookSpec> webhooks) {

    public Topology {
        buckets = Map.copyOf(buckets);
        tables = Map.copyOf(tables);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
        Map<String, QueueSpec> allQueues = new HashMap<>(queues);
        Map<String, FunctionSpec> allFunctions = new HashMap<>(functions);
        Map<String, TopicSpec> allTopics = new HashMap<>(topics);
        webhooks.forEach((name, webhook) -> {
            String resource = WebhookSpec.resourceName(name);
            allQueues.putIfAbsent(resource, webhook.queue(name));
            allFunctions.putIfAbsent(resource, webhook.function(name));
            TopicSpec events = allTopics.getOrDefault(WebhookSpec.EVENTS_TOPIC, new TopicSpec(List.of()));
            if (events.subscriptions().stream().noneMatch(s -> s.queue().equals(resource))) {
                List<TopicSpec.Subscription> subscriptions = new ArrayList<>(events.subscriptions());
                subscriptions.add(webhook.subscription(name));
                allTopics.put(WebhookSpec.EVENTS_TOPIC, new TopicSpec(subscriptions));
            }
        });
        queues = Map.copyOf(allQueues);
        topics = Map.copyOf(allTopics);
        eventRules = eventRules == null ? Map.of() : Map.copyOf(eventRules);
        functions = Map.copyOf(allFunctions);
    }

    /**
     * This topology with webhook {@code name} added (or replaced): what an operator writes under {@code webhooks} in
     * topology.json, and what a test adds for a receiver of its own.
     */
    public Topology withWebhook(String name, WebhookSpec webhook) {
        String resource = WebhookSpec.resourceName(name);
        Map<String, QueueSpec> otherQueues = new HashMap<>(queues);
        otherQueues.remove(resource);
        Map<String, FunctionSpec> otherFunctions = new HashMap<>(functions);
        otherFunctions.remove(resource);
        Map<String, TopicSpec> otherTopics = new HashMap<>();
        topics.forEach((topic, spec) -> otherTopics.put(topic, new TopicSpec(spec.subscriptions().stream()
                .filter(s -> !s.queue().equals(resource)).toList())));
        Map<String, WebhookSpec> allWebhooks = new HashMap<>(webhooks);
        allWebhooks.put(name, webhook);
        Topology added = new Topology(app, buckets, tables, parameters, otherQueues, otherTopics, eventRules, otherFunctions, allWebhooks);
        List<String> problems = TopologyLoader.problems(added);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("webhook " + name + ": " + String.join("; ", problems));
        }
        return added;
    }

    public QueueSpec queue(String name) {
        return require(queues, name, "queue");
    }

    public FunctionSpec function(String name) {
        return require(functions, name, "function");
    }

    /**
     * The logical names of the queues with a dead-letter queue that a {@code deadLetterQueuesOfConsumer}
     * reference means: those feeding that function, or every one for {@value #EVERY_CONSUMER}.
     */
    public SortedSet<String> deadLetterSources(String consumer) {
        SortedSet<String> sources = new TreeSet<>();
        queues.forEach((name, queue) -> {
            boolean fed = EVERY_CONSUMER.equals(consumer)
                    || queue.consumer() != null && queue.consumer().function().equals(consumer);
            if (fed && queue.hasDeadLetterQueue()) {
                sources.add(name);
            }
        });
        return sources;
    }

    /** The logical names of the queues whose event source mapping invokes {@code function}. */
    public SortedSet<String> queuesConsumedBy(String function) {
        SortedSet<String> consumed = new TreeSet<>();
        queues.forEach((name, queue) -> {
            if (queue.consumer() != null && queue.consumer().function().equals(function)) {
                consumed.add(name);
            }
        });
        return consumed;
    }

    /** The functions some queue's event source mapping invokes: the pipeline's stages. */
    public SortedSet<String> queueConsumers() {
        SortedSet<String> consumers = new TreeSet<>();
        queues.values().forEach(queue -> {
            if (queue.consumer() != null) {
                consumers.add(queue.consumer().function());
            }
        });
        return consumers;
    }

    /** The functions fed by queues that have a circuit breaker ({@code BREAKERS_TABLE}): its steps. */
    public SortedSet<String> breakerSteps() {
        SortedSet<String> steps = new TreeSet<>();
        queues.values().forEach(queue -> {
            if (queue.consumer() != null && function(queue.consumer().function()).environment().containsKey("BREAKERS_TABLE")) {
                steps.add(queue.consumer().function());
            }
        });
        return steps;
    }

    /** The same topology with no queue's visibility timeout above {@code cap} (a local fault-injection run). */
    public Topology withVisibilityTimeoutCap(Duration cap) {
        Map<String, QueueSpec> capped = new HashMap<>();
        queues.forEach((name, q) -> capped.put(name, new QueueSpec(q.purpose(),
                (int) Math.min(q.visibilityTimeoutSeconds(), cap.toSeconds()), q.maxReceiveCount(),
                q.messageRetentionSeconds(), q.oldestMessageAlarmSeconds(), q.work(), q.consumer())));
        return new Topology(app, buckets, tables, parameters, capped, topics, eventRules, functions, webhooks);
    }

    /** In {@code deadLetterQueuesOfConsumer}: the dead-letter queues of every queue, consumed or not. */
    public static final String EVERY_CONSUMER = "*";

    private static <T> T require(Map<String, T> map, String name, String what) {
        T value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " named '" + name + "' in the topology");
        }
        return value;
    }
}
