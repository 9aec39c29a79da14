package dev.assetflow.topology;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds a function's environment from the topology; both hosts use this one method. */
public final class FunctionEnvironment {

    /** How a configuration location names an SSM parameter: {@code ssm:/prefix/config/routing-rules}. */
    public static final String SSM_LOCATION = "ssm:";

    private FunctionEnvironment() {
    }

    public static Map<String, String> of(Topology topology, String function, ResourceResolver resolver) {
        Map<String, String> environment = new TreeMap<>();
        topology.function(function).environment().forEach((name, value) ->
                environment.put(name, resolve(topology, value, resolver)));
        return environment;
    }

    private static String resolve(Topology topology, EnvValue value, ResourceResolver resolver) {
        return switch (value.kind()) {
            case VALUE -> value.value();
            case BUCKET -> resolver.bucketName(value.bucket());
            case TABLE -> resolver.tableName(value.table());
            case QUEUE -> resolver.queueUrl(value.queue());
            case TOPIC -> resolver.topicArn(value.topic());
            case TOOL -> resolver.toolPath(value.tool());
            case PARAMETER -> SSM_LOCATION + resolver.parameterName(value.parameter());
            case SECRET -> resolver.webhookSecretArn(value.secret());
            case WORK_QUEUES -> workQueues(topology, resolver);
            case MEDIA_CONVERT -> EnvValue.MEDIA_CONVERT_ROLE.equals(value.mediaConvert()) ? resolver.mediaConvertRoleArn()
                    : jsonObject(EnvValue.MEDIA_CONVERT_PRIORITIES.stream().collect(Collectors.toMap(p -> p,
                            resolver::mediaConvertQueueArn, (a, b) -> a, TreeMap::new)));
            case DEAD_LETTER_QUEUES -> jsonObject(topology.deadLetterSources(value.deadLetterQueuesOfConsumer()).stream()
                    .collect(Collectors.toMap(resolver::queueName, resolver::deadLetterQueueUrl, (a, b) -> a, TreeMap::new)));
        };
    }

    /** Work-queue key ({@code image/critical}) → queue URL, as JSON: what ingest and the repair command use. */
    public static String workQueues(Topology topology, ResourceResolver resolver) {
        return jsonObject(topology.queues().entrySet().stream()
                .filter(e -> e.getValue().work() != null)
                .collect(Collectors.toMap(e -> e.getValue().work().key(), e -> resolver.queueUrl(e.getKey()),
                        (a, b) -> a, TreeMap::new)));
    }

    /**
     * A flat JSON object of strings. Written by hand rather than with a mapper because on the CDK host
     * the values are unresolved tokens, which CloudFormation joins into the final string.
     */
    private static String jsonObject(Map<String, String> entries) {
        return entries.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
