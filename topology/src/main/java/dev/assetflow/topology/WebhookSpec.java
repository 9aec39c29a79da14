package dev.assetflow.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An external subscriber's HTTPS endpoint (README, "Webhooks"): the asset events its {@code filterPolicy} selects
 * ({@code type}, {@code kind}, {@code priority}: lists of strings), signed with a secret each host keeps in Secrets
 * Manager, at most {@code maxInFlight} at once (2-1000, Lambda's SQS maximum concurrency), retried until
 * {@code deadlineSeconds} (24 h) after the event reached its queue. {@code allowPrivateAddresses} lets it call a
 * private, loopback or link-local address (a receiver inside a VPC; the local stack's tests), refused otherwise.
 * Each webhook becomes, in {@link Topology}, a queue {@code webhook-<name>} (with a DLQ) subscribed to asset-events with
 * the filter, and a function {@code webhook-<name>} from the webhook-delivery module that consumes it.
 */
public record WebhookSpec(String purpose, String url, JsonNode filterPolicy, Integer maxInFlight, Boolean allowPrivateAddresses,
        Integer deadlineSeconds) {

    public static final String PREFIX = "webhook-";
    public static final String HANDLER = "dev.assetflow.webhookdelivery.WebhookDeliveryHandler";
    public static final String MODULE = "functions/webhook-delivery";
    public static final String DELIVERIES_TABLE = "webhook-deliveries";
    public static final String EVENTS_TOPIC = "asset-events";
    static final int TIMEOUT_SECONDS = 30;
    static final int DEFAULT_DEADLINE_SECONDS = 24 * 3600;

    public int inFlight() {
        return maxInFlight == null ? 2 : maxInFlight;
    }

    public boolean privateAddressesAllowed() {
        return Boolean.TRUE.equals(allowPrivateAddresses);
    }

    public int deadline() {
        return deadlineSeconds == null ? DEFAULT_DEADLINE_SECONDS : deadlineSeconds;
    }

    /** The queue and the function of webhook {@code name}. */
    public static String resourceName(String name) {
        return PREFIX + name;
    }

    QueueSpec queue(String name) {
        // kept a day past the deadline, so SQS never drops an event a retry still waits for
        int retention = Math.min(14 * 24 * 3600, Math.max(4 * 24 * 3600, deadline() + 24 * 3600));
        return new QueueSpec("webhook " + name + ": the events it subscribes to, waiting for delivery to its endpoint",
                6 * TIMEOUT_SECONDS, 1000, retention, null, null, new QueueSpec.ConsumerSpec(resourceName(name), 1, inFlight()));
    }

    TopicSpec.Subscription subscription(String name) {
        return new TopicSpec.Subscription(resourceName(name), true, filterPolicy);
    }

    FunctionSpec function(String name) {
        Map<String, EnvValue> environment = new LinkedHashMap<>();
        environment.put("WEBHOOK_NAME", EnvValue.literal(name));
        environment.put("WEBHOOK_URL", EnvValue.literal(url));
        environment.put("ALLOW_PRIVATE_ADDRESSES", EnvValue.literal(Boolean.toString(privateAddressesAllowed())));
        environment.put("DELIVERY_DEADLINE_SECONDS", EnvValue.literal(Integer.toString(deadline())));
        environment.put("WEBHOOK_SECRET_ARN", EnvValue.secretOf(name));
        environment.put("DELIVERIES_TABLE", EnvValue.tableOf(DELIVERIES_TABLE, "readWrite"));
        environment.put("DEAD_LETTER_QUEUE_URLS", EnvValue.deadLettersOf(resourceName(name), "send"));
        return new FunctionSpec(HANDLER, MODULE, 512, TIMEOUT_SECONDS, null, List.of(), null, environment);
    }

    List<String> problems(String name) {
        List<String> problems = new ArrayList<>();
        if (!name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
            problems.add("webhook '" + name + "': a name of lower-case letters, digits and dashes (up to 31)");
        }
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            return List.of("webhook " + name + ": url '" + url + "' is not a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        if (uri.getHost() == null || !(https || "http".equals(uri.getScheme()) && privateAddressesAllowed())) {
            problems.add("webhook " + name + ": url must be https://host/… (http only with allowPrivateAddresses, for a local receiver)");
        }
        if (inFlight() < 2 || inFlight() > 1000) {
            problems.add("webhook " + name + ": maxInFlight must be 2-1000");
        }
        if (deadline() < 60 || deadline() > 13 * 24 * 3600) {
            problems.add("webhook " + name + ": deadlineSeconds must be 60 s to 13 days");
        }
        if (filterPolicy != null && !filterPolicy.isNull()) {
            if (!filterPolicy.isObject()) {
                problems.add("webhook " + name + ": filterPolicy is an object of attribute → [strings]");
            } else {
                filterPolicy.properties().forEach(condition -> {
                    if (!List.of("type", "kind", "priority").contains(condition.getKey()) || !condition.getValue().isArray()
                            || condition.getValue().isEmpty() || !allText(condition.getValue())) {
                        problems.add("webhook " + name + ": filterPolicy." + condition.getKey()
                                + " must be type, kind or priority with a list of strings");
                    }
                });
            }
        }
        return problems;
    }

    private static boolean allText(JsonNode values) {
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
