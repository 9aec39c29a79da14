package dev.assetflow.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Loads the bundled topology and checks that every reference in it points at something defined. */
public final class TopologyLoader {
    private static final String RESOURCE = "/dev/assetflow/topology/topology.json";
    private static final String CONFIG = "/dev/assetflow/topology/config/";
    private static final Set<String> ACCESS = Set.of("read", "write", "upload", "readWrite", "readPut", "readDelete", "send", "consume", "publish", "pass", "submit", "name");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TopologyLoader() {
    }

    public static Topology load() {
        try (InputStream in = TopologyLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("topology.json is not on the classpath at " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first version of a configuration document ({@code config/<file>}, bundled here so that both hosts and
     * the operator commands seed and compare against the same text).
     */
    public static String configDocument(String file) {
        try (InputStream in = TopologyLoader.class.getResourceAsStream(CONFIG + file)) {
            if (in == null) {
                throw new IllegalStateException("config/" + file + " is not on the classpath at " + CONFIG + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Topology parse(String json) {
        Topology topology;
        try {
            topology = MAPPER.readValue(json, Topology.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("topology.json is not valid: " + e.getMessage(), e);
        }
        List<String> problems = problems(topology);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("topology.json is inconsistent: " + String.join("; ", problems));
        }
        return topology;
    }

    static List<String> problems(Topology t) {
        List<String> problems = new ArrayList<>();
        t.buckets().forEach((name, bucket) -> bucket.notifications().forEach(n -> {
            if (!t.queues().containsKey(n.queue())) {
                problems.add("bucket " + name + " notifies unknown queue " + n.queue());
            }
        }));
        t.queues().forEach((name, queue) -> {
            if (queue.consumer() != null && !t.functions().containsKey(queue.consumer().function())) {
                problems.add("queue " + name + " feeds unknown function " + queue.consumer().function());
            }
            if (queue.consumer() != null && (queue.consumer().batchSize() < 1 || queue.consumer().batchSize() > 10)) {
                problems.add("queue " + name + ": batchSize must be 1-10");
            }
            // Lambda's SQS maximum concurrency accepts 2-1000
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html)
            if (queue.consumer() != null && (queue.consumer().maxConcurrency() < 2 || queue.consumer().maxConcurrency() > 1000)) {
                problems.add("queue " + name + ": maxConcurrency must be 2-1000");
            }
            // AWS: a source queue's visibility timeout should be at least six times the function timeout
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html)
            FunctionSpec consumerFunction = queue.consumer() == null ? null : t.functions().get(queue.consumer().function());
            if (consumerFunction != null && queue.visibilityTimeoutSeconds() < 6 * consumerFunction.timeoutSeconds()) {
                problems.add("queue " + name + ": visibilityTimeoutSeconds must be at least 6 x the timeout of "
                        + queue.consumer().function() + " (" + 6 * consumerFunction.timeoutSeconds() + ")");
            }
        });
        t.topics().forEach((name, topic) -> topic.subscriptions().forEach(s -> {
            if (!t.queues().containsKey(s.queue())) {
                problems.add("topic " + name + " subscribes unknown queue " + s.queue());
            }
        }));
        t.eventRules().forEach((name, rule) -> {
            if (!t.queues().containsKey(rule.queue())) {
                problems.add("event rule " + name + " targets unknown queue " + rule.queue());
            }
        });
        t.webhooks().forEach((name, webhook) -> problems.addAll(webhook.problems(name)));
        t.functions().forEach((name, function) -> function.environment().forEach((variable, value) ->
                problems.addAll(referenceProblems(t, name + "." + variable, value))));
        return problems;
    }

    private static List<String> referenceProblems(Topology t, String where, EnvValue value) {
        List<String> problems = new ArrayList<>();
        EnvValue.Kind kind;
        try {
            kind = value.kind();
        } catch (IllegalArgumentException e) {
            return List.of(where + ": " + e.getMessage());
        }
        String missing = switch (kind) {
            case BUCKET -> t.buckets().containsKey(value.bucket()) ? null : "bucket " + value.bucket();
            case TABLE -> t.tables().containsKey(value.table()) ? null : "table " + value.table();
            case QUEUE -> t.queues().containsKey(value.queue()) ? null : "queue " + value.queue();
            case TOPIC -> t.topics().containsKey(value.topic()) ? null : "topic " + value.topic();
            case DEAD_LETTER_QUEUES -> Topology.EVERY_CONSUMER.equals(value.deadLetterQueuesOfConsumer())
                    || t.functions().containsKey(value.deadLetterQueuesOfConsumer())
                    ? null : "function " + value.deadLetterQueuesOfConsumer();
            case MEDIA_CONVERT -> List.of(EnvValue.MEDIA_CONVERT_ROLE, EnvValue.MEDIA_CONVERT_QUEUES).contains(value.mediaConvert())
                    ? null : "MediaConvert resource " + value.mediaConvert() + " (role or queues)";
            case PARAMETER -> t.parameters().containsKey(value.parameter()) ? null : "parameter " + value.parameter();
            case SECRET -> t.webhooks().containsKey(value.secret()) ? null : "webhook " + value.secret();
            case VALUE, TOOL, WORK_QUEUES -> null;
        };
        if (missing != null) {
            problems.add(where + " refers to unknown " + missing);
        }
        if (kind != EnvValue.Kind.VALUE && kind != EnvValue.Kind.TOOL && (value.access() == null || !ACCESS.contains(value.access()))) {
            problems.add(where + ": access must be one of " + ACCESS);
        }
        return problems;
    }
}
