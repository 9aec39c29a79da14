package dev.assetflow.topology;

import java.util.Map;

/**
 * The whole topology, defined once in {@code topology/topology.json}: the local stack provisions from
 * it and infra-cdk synthesises from it, so the two cannot drift. Names here are logical; each host
 * turns them into physical names ({@link ResourceNames}).
 */
public record Topology(
        String app,
        Map<String, BucketSpec> buckets,
        Map<String, TableSpec> tables,
        Map<String, QueueSpec> queues,
        Map<String, TopicSpec> topics,
        Map<String, EventRuleSpec> eventRules,
        Map<String, FunctionSpec> functions) {

    public Topology {
        buckets = Map.copyOf(buckets);
        tables = Map.copyOf(tables);
        queues = Map.copyOf(queues);
        topics = Map.copyOf(topics);
        eventRules = eventRules == null ? Map.of() : Map.copyOf(eventRules);
        functions = Map.copyOf(functions);
    }

    public QueueSpec queue(String name) {
        return require(queues, name, "queue");
    }

    public FunctionSpec function(String name) {
        return require(functions, name, "function");
    }

    private static <T> T require(Map<String, T> map, String name, String what) {
        T value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " named '" + name + "' in the topology");
        }
        return value;
    }
}
