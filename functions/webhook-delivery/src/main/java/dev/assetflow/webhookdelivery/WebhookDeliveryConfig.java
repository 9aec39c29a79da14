package dev.assetflow.webhookdelivery;

import dev.assetflow.runtime.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The environment of a webhook's delivery function, read once: the endpoint ({@code WEBHOOK_NAME}, {@code WEBHOOK_URL},
 * {@code ALLOW_PRIVATE_ADDRESSES}), its secret's ARN, the deliveries table, its queue's DLQ, the deadline
 * ({@code DELIVERY_DEADLINE_SECONDS}, 24 h), the backoff ({@code RETRY_BASE_SECONDS} 30, {@code RETRY_MAX_SECONDS} 3600)
 * and the timeouts of one POST ({@code CONNECT_TIMEOUT_SECONDS} 3, {@code READ_TIMEOUT_SECONDS} 10).
 */
record WebhookDeliveryConfig(String name, URI url, boolean allowPrivateAddresses, String secretArn, String deliveriesTable,
        Map<String, String> deadLetterQueueUrls, Duration deadline, Duration retryBase, Duration retryMax, Duration connectTimeout,
        Duration readTimeout) {

    static WebhookDeliveryConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new WebhookDeliveryConfig(env.required("WEBHOOK_NAME"), URI.create(env.required("WEBHOOK_URL")),
                Boolean.parseBoolean(env.optional("ALLOW_PRIVATE_ADDRESSES", "false")), env.required("WEBHOOK_SECRET_ARN"),
                env.required("DELIVERIES_TABLE"), env.jsonMap("DEAD_LETTER_QUEUE_URLS"), env.seconds("DELIVERY_DEADLINE_SECONDS", 86_400),
                env.seconds("RETRY_BASE_SECONDS", 30), env.seconds("RETRY_MAX_SECONDS", 3600), env.seconds("CONNECT_TIMEOUT_SECONDS", 3),
                env.seconds("READ_TIMEOUT_SECONDS", 10));
    }
}
