package dev.assetflow.topology;

/**
 * One environment variable of a function: a literal {@code value}, or a reference to a resource that
 * each host resolves to its physical identifier. {@code access} is what the function does with it;
 * infra-cdk grants exactly that. {@code deadLetterQueuesOfConsumer} names a function (the DLQs of the
 * queues feeding it) or {@code *} (every DLQ); it resolves to a JSON object, source queue name → DLQ URL.
 * {@code keys}, for a bucket, narrows the grant to the objects whose keys match (e.g. {@code uploads/*}).
 * {@code mediaConvert} is {@code role} (the role MediaConvert jobs assume; access {@code pass}) or
 * {@code queues} (a JSON object, priority → the stack's MediaConvert queue ARN; access {@code submit}:
 * create, read and cancel jobs on exactly those queues). {@code parameter} names a configuration document
 * ({@code parameters} in the topology; access {@code read}, or {@code readWrite} for the console's editor, which publishes
 * versions); it resolves to {@code ssm:<parameter name>}, the
 * location {@code LiveConfig} reads. {@code secret} names a webhook whose signing secret the function reads (access
 * {@code read}); it resolves to the secret's ARN in Secrets Manager.
 */
public record EnvValue(
        String value,
        String bucket,
        String table,
        String queue,
        String topic,
        String workQueues,
        String deadLetterQueuesOfConsumer,
        String tool,
        String mediaConvert,
        String parameter,
        String secret,
        String access,
        String keys) {

    public enum Kind { VALUE, BUCKET, TABLE, QUEUE, TOPIC, WORK_QUEUES, DEAD_LETTER_QUEUES, TOOL, MEDIA_CONVERT, PARAMETER, SECRET }

    static EnvValue literal(String value) {
        return new EnvValue(value, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static EnvValue tableOf(String table, String access) {
        return new EnvValue(null, null, table, null, null, null, null, null, null, null, null, access, null);
    }

    static EnvValue deadLettersOf(String consumer, String access) {
        return new EnvValue(null, null, null, null, null, null, consumer, null, null, null, null, access, null);
    }

    static EnvValue secretOf(String webhook) {
        return new EnvValue(null, null, null, null, null, null, null, null, null, null, webhook, "read", null);
    }

    /** The MediaConvert queues a stack has, one per priority class, so bulk jobs never delay critical ones. */
    public static final java.util.List<String> MEDIA_CONVERT_PRIORITIES = java.util.List.of("critical", "standard", "bulk");
    public static final String MEDIA_CONVERT_ROLE = "role";
    public static final String MEDIA_CONVERT_QUEUES = "queues";

    public Kind kind() {
        int set = 0;
        Kind kind = null;
        if (value != null) { set++; kind = Kind.VALUE; }
        if (bucket != null) { set++; kind = Kind.BUCKET; }
        if (table != null) { set++; kind = Kind.TABLE; }
        if (queue != null) { set++; kind = Kind.QUEUE; }
        if (topic != null) { set++; kind = Kind.TOPIC; }
        if (workQueues != null) { set++; kind = Kind.WORK_QUEUES; }
        if (deadLetterQueuesOfConsumer != null) { set++; kind = Kind.DEAD_LETTER_QUEUES; }
        if (tool != null) { set++; kind = Kind.TOOL; }
        if (mediaConvert != null) { set++; kind = Kind.MEDIA_CONVERT; }
        if (parameter != null) { set++; kind = Kind.PARAMETER; }
        if (secret != null) { set++; kind = Kind.SECRET; }
        if (set != 1) {
            throw new IllegalArgumentException("an environment value needs exactly one of value, bucket, table, "
                    + "queue, topic, workQueues, deadLetterQueuesOfConsumer, tool, mediaConvert, parameter, secret; found " + set);
        }
        return kind;
    }
}
