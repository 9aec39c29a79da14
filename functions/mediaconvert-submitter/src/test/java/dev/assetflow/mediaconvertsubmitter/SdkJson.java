package dev.assetflow.mediaconvertsubmitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK request as the JSON body the SDK sends: every payload member under its wire name (MediaConvert's
 * camelCase), read through the model's own field metadata, so what is kept for review is what goes over
 * the wire. Members the SDK puts in the path, the query or headers are left out, as they are not in the body.
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    static JsonNode of(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            // a list or map never set is an auto-construct placeholder, which the SDK does not send
            if (value != null && field.location() == MarshallLocation.PAYLOAD && !(value instanceof SdkAutoConstructList<?>)
                    && !(value instanceof SdkAutoConstructMap<?, ?>)) {
                node.set(field.locationName(), value(value));
            }
        }
        return node;
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case SdkPojo pojo -> of(pojo);
            case Map<?, ?> map -> {
                ObjectNode node = NODES.objectNode();
                new TreeMap<>(map).forEach((key, item) -> node.set(String.valueOf(key), value(item)));
                yield node;
            }
            case Collection<?> items -> {
                ArrayNode array = NODES.arrayNode();
                items.forEach(item -> array.add(value(item)));
                yield array;
            }
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Boolean bool -> NODES.booleanNode(bool);
            default -> NODES.textNode(String.valueOf(value));
        };
    }
}
