package dev.assetflow.localstack.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads a subscriber queue of the asset-events topic the way a consumer would, and keeps every event
 * it received, by asset id, so that a caller can count exactly what each asset announced.
 */
public final class EventTap {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Map<String, List<JsonNode>> byAsset = new ConcurrentHashMap<>();

    public EventTap(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Receives and deletes until the queue has been empty for {@code quiet}, or {@code max} has passed. */
    public synchronized EventTap collectUntilQuiet(Duration quiet, Duration max) {
        Instant deadline = Instant.now().plus(max);
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(deadline) && Duration.between(quietSince, Instant.now()).compareTo(quiet) < 0) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (messages.isEmpty()) {
                continue;
            }
            quietSince = Instant.now();
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (Message message : messages) {
                JsonNode event = parse(message.body());
                byAsset.computeIfAbsent(event.path("assetId").asText("?"), k -> new ArrayList<>()).add(event);
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
        }
        return this;
    }

    public List<JsonNode> eventsFor(String assetId) {
        return List.copyOf(byAsset.getOrDefault(assetId, List.of()));
    }

    public long count(String assetId, String type) {
        return eventsFor(assetId).stream().filter(e -> type.equals(e.path("type").asText())).count();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a subscriber received a message that is not an event: " + body, e);
        }
    }
}
