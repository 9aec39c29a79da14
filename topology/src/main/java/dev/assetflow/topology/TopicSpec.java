package dev.assetflow.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An SNS topic with SQS subscriptions, each with an optional filter policy on message attributes. */
public record TopicSpec(List<Subscription> subscriptions) {

    public TopicSpec {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    public record Subscription(String queue, boolean rawMessageDelivery, JsonNode filterPolicy) {}
}
