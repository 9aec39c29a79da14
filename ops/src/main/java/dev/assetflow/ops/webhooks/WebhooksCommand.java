package dev.assetflow.ops.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.asset.DynamoAssetListing;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.aws.webhook.DynamoDeliveryLog;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.events.AssetEvent;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.listing.AssetListing;
import dev.assetflow.domain.listing.AssetQuery;
import dev.assetflow.domain.listing.AssetSummary;
import dev.assetflow.domain.webhook.DeliveryRecord;
import dev.assetflow.domain.webhook.ReplaySelection;
import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.topology.ResourceNames;
import dev.assetflow.topology.WebhookSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code scripts/webhooks}: each webhook's delivered / retrying / dead-lettered counts and last error ({@code list}), and
 * a replay of its past events ({@code replay}), rebuilt from the stored assets (never from memory) and sent to its queue
 * marked as replays, through the same delivery function and signature (README, "Webhooks").
 */
public final class WebhooksCommand {
    static final String USAGE = """
            usage: scripts/webhooks list   [--aws-endpoint URL] [--region R] (--prefix PREFIX | --deliveries-table NAME --endpoints NAME,...)
                   scripts/webhooks replay --endpoint NAME --since TIME [--type TYPE] [--aws-endpoint URL] [--region R]
                                           (--prefix PREFIX | --queue-url URL --assets-table NAME --topic-arn ARN)
              --endpoint NAME       the webhook (its name under webhooks in topology.json); the emulator is --aws-endpoint
              --since TIME          events that occurred at or after this ISO-8601 instant (2026-12-03T10:00:00Z)
              --type TYPE           only this event type (asset.ready, rendition.ready, asset.failed, ...)
              --prefix PREFIX       a local stack's resources (PREFIX-webhook-NAME, PREFIX-assets, PREFIX-asset-events, ...)
              on AWS: the stack outputs WebhookDeliveriesTable, Webhook<Name>QueueUrl, AssetsTable, AssetEventsTopicArn""";
    /** Assets created this long before --since are read too: one made earlier may have finished after it. */
    static final Duration CREATED_BEFORE = Duration.ofDays(1);

    private WebhooksCommand() {
    }

    public static void main(String[] args) {
        CommandOptions.main("webhooks", USAGE, args, options -> run(options, System.out));
    }

    public static int run(CommandOptions command, PrintStream out) {
        String verb = command.words().isEmpty() ? "" : command.words().get(0);
        Optional<String> prefix = Optional.ofNullable(command.options().get("--prefix"));
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(command.options().get("--aws-endpoint")).map(URI::create),
                command.get("--region", "us-east-1"))) {
            return switch (verb) {
                case "list" -> list(clients, command, prefix, out);
                case "replay" -> replay(clients, command, prefix, out);
                default -> throw new IllegalArgumentException("say list or replay");
            };
        }
    }

    private static int list(AwsClients clients, CommandOptions command, Optional<String> prefix, PrintStream out) {
        String table = prefix.map(p -> new ResourceNames(p).of(WebhookSpec.DELIVERIES_TABLE)).orElseGet(() -> command.required("--deliveries-table"));
        List<String> endpoints = prefix.map(p -> localWebhooks(clients, p))
                .orElseGet(() -> List.of(command.required("--endpoints").split(",")));
        DynamoDeliveryLog log = new DynamoDeliveryLog(clients.dynamoDb(), table);
        for (String endpoint : endpoints) {
            List<DeliveryRecord> records = log.of(endpoint);
            Map<DeliveryRecord.Status, Long> counts = new HashMap<>();
            records.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
            Optional<DeliveryRecord> lastError = records.stream().filter(r -> r.lastErrorAt() != null)
                    .max(Comparator.comparing(DeliveryRecord::lastErrorAt));
            out.printf("%s: %d delivered, %d retrying, %d dead-lettered%s%n", endpoint, counts.getOrDefault(DeliveryRecord.Status.DELIVERED, 0L),
                    counts.getOrDefault(DeliveryRecord.Status.RETRYING, 0L), counts.getOrDefault(DeliveryRecord.Status.DEAD_LETTERED, 0L),
                    lastError.map(r -> "; last error " + r.lastErrorAt() + " (" + r.type() + " of " + r.assetId() + ", now "
                            + r.status() + " after " + r.attempts() + " attempts): " + r.lastError()).orElse(""));
        }
        return 0;
    }

    private static int replay(AwsClients clients, CommandOptions command, Optional<String> prefix, PrintStream out) {
        String endpoint = command.required("--endpoint");
        Instant since = instant(command.required("--since"));
        Optional<ResourceNames> names = prefix.map(ResourceNames::new);
        String queueUrl = names.map(n -> clients.sqs().getQueueUrl(b -> b.queueName(n.of(WebhookSpec.resourceName(endpoint)))).queueUrl())
                .orElseGet(() -> command.required("--queue-url"));
        String assetsTable = names.map(n -> n.of("assets")).orElseGet(() -> command.required("--assets-table"));
        String topicArn = names.map(n -> localTopic(clients, n.of(WebhookSpec.EVENTS_TOPIC))).orElseGet(() -> command.required("--topic-arn"));
        ReplaySelection selection = new ReplaySelection(since, Optional.ofNullable(command.options().get("--type")),
                filterPolicy(clients, topicArn, queueUrl));
        DynamoAssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), assetsTable);
        AssetListing listing = new DynamoAssetListing(clients.dynamoDb(), assetsTable);
        int sent = 0;
        int read = 0;
        String cursor = null;
        do {
            AssetListing.Page page = listing.list(new AssetQuery(null, null, null, null, null, since.minus(CREATED_BEFORE),
                    Instant.now().plusSeconds(60), AssetQuery.MAX_LIMIT, cursor));
            for (AssetSummary summary : page.assets()) {
                read++;
                AssetId id = new AssetId(summary.assetId());
                Optional<Asset> asset = assets.find(id);
                if (asset.isEmpty()) {
                    continue;
                }
                for (AssetEvent event : selection.of(asset.get(), assets.renditions(id))) {
                    send(clients, queueUrl, event);
                    sent++;
                }
            }
            cursor = page.cursor();
        } while (cursor != null);
        out.printf("%s: %d events of %d assets sent again as replays to %s%n", endpoint, sent, read, queueUrl);
        return 0;
    }

    private static void send(AwsClients clients, String queueUrl, AssetEvent event) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        event.messageAttributes().forEach((name, value) -> attributes.put(name, SqsQueues.text(value)));
        attributes.put("replay", SqsQueues.text("true"));
        clients.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(event)).messageAttributes(attributes));
    }

    /** The subscription's filter policy, as SNS applies it to live events (null without one). */
    private static JsonNode filterPolicy(AwsClients clients, String topicArn, String queueUrl) {
        String queueArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String subscription = clients.sns().listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> queueArn.equals(s.endpoint())).map(s -> s.subscriptionArn()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(queueArn + " is not subscribed to " + topicArn));
        String policy = clients.sns().getSubscriptionAttributes(b -> b.subscriptionArn(subscription)).attributes().get("FilterPolicy");
        try {
            return policy == null || policy.isBlank() ? null : Json.mapper().readTree(policy);
        } catch (IOException e) {
            throw new IllegalStateException("the subscription's filter policy is not JSON: " + policy, e);
        }
    }

    private static List<String> localWebhooks(AwsClients clients, String prefix) {
        String start = prefix + "-" + WebhookSpec.PREFIX;
        List<String> names = new ArrayList<>();
        List<String> queues = new ArrayList<>();
        clients.sqs().listQueuesPaginator(b -> b.queueNamePrefix(start)).queueUrls()
                .forEach(url -> queues.add(url.substring(url.lastIndexOf('/') + 1)));
        // a webhook's queue is the one with a dead-letter queue beside it
        queues.stream().filter(name -> !name.endsWith("-dlq") && queues.contains(name + "-dlq"))
                .forEach(name -> names.add(name.substring(start.length())));
        return names.stream().sorted().toList();
    }

    private static String localTopic(AwsClients clients, String name) {
        return clients.sns().listTopicsPaginator().topics().stream().map(t -> t.topicArn()).filter(arn -> arn.endsWith(":" + name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no topic " + name));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "' is not an ISO-8601 instant (2026-12-03T10:00:00Z)");
        }
    }
}
