package dev.assetflow.localstack.runtime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Builds events as JSON in the shape Lambda's services send, then turns JSON into event objects with
 * the Lambda Java runtime's own serializers ({@link LambdaEventSerializers}), and responses back into
 * JSON the same way: a handler sees exactly what it would see on Lambda.
 */
final class LambdaEvents {
    private static final ClassLoader LOADER = LambdaEvents.class.getClassLoader();

    private LambdaEvents() {
    }

    /** An event from JSON, as the Lambda runtime reads it for a handler of {@code type}. */
    static <T> T read(String json, Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, LOADER).fromJson(json);
    }

    /** A handler's response as JSON, as the Lambda runtime writes it; {@code null} stays {@code null}. */
    @SuppressWarnings("unchecked")
    static String write(Object response) {
        if (response == null) {
            return null;
        }
        if (LambdaEventSerializers.isLambdaSupportedEvent(response.getClass().getName())) {
            return toJson((PojoSerializer<Object>) LambdaEventSerializers.serializerFor(response.getClass(), LOADER), response);
        }
        try {
            return Json.mapper().writeValueAsString(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an EventBridge schedule rule sends (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-scheduled.html). */
    static String scheduledEvent(String ruleArn, String region, Instant at) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", "0");
        root.put("id", UUID.randomUUID().toString());
        root.put("detail-type", "Scheduled Event");
        root.put("source", "aws.events");
        root.put("account", ruleArn.split(":")[4]);
        root.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("region", region);
        root.putArray("resources").add(ruleArn);
        root.putObject("detail");
        return root.toString();
    }

    /** The event an SQS event source mapping delivers for a batch of received messages. */
    static String sqsEvent(Iterable<Message> messages, String queueArn, String region) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return root.toString();
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        node.putArray("stringListValues");
        node.putArray("binaryListValues");
        node.put("dataType", value.dataType());
        return node;
    }

    /** The message ids a function reported as batch item failures in its response. */
    static Set<String> failedItemIds(String response) {
        Set<String> ids = new LinkedHashSet<>();
        if (response == null || response.isBlank()) {
            return ids; // Lambda treats an empty response as "all succeeded"
        }
        JsonNode json = readTree(response);
        for (JsonNode failure : json.path("batchItemFailures")) {
            ids.add(failure.path("itemIdentifier").asText());
        }
        return ids;
    }

    /** The response as API Gateway reads it: status, headers, body, base64 flag. */
    static JsonNode httpResponse(String response) {
        return readTree(response == null ? "{}" : response);
    }

    private static <T> String toJson(PojoSerializer<T> serializer, T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
