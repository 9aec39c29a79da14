package dev.assetflow.uploadapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.upload.UploadRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /uploads}, saying exactly what is wrong with one that is not a request:
 * not JSON, not an object, fields this API does not know (a typo like {@code size} would otherwise be
 * dropped silently and answered "sizeBytes is required"), or a field of the wrong type.
 */
sealed interface UploadRequestBody {
    List<String> FIELDS = List.of("fileName", "contentType", "sizeBytes");
    Set<String> KNOWN_FIELDS = Set.copyOf(FIELDS);

    record Valid(UploadRequest request) implements UploadRequestBody {}

    record Invalid(String message) implements UploadRequestBody {}

    static UploadRequestBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new Valid(null); // the policy names the missing fields
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return new Invalid("the body is not JSON (" + e.getOriginalMessage() + "); expected " + shape());
        }
        if (tree == null || !tree.isObject()) {
            return new Invalid("the body must be a JSON object: " + shape());
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            return new Invalid("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown.stream()
                    .map(n -> "'" + n + "'").toList()) + "; the fields are " + String.join(", ", FIELDS));
        }
        try {
            return new Valid(Json.mapper().treeToValue(tree, UploadRequest.class));
        } catch (InvalidFormatException e) {
            String field = e.getPath().isEmpty() ? "a field" : e.getPath().getLast().getFieldName();
            return new Invalid(field + " has the wrong type (" + e.getValue() + "); expected " + shape());
        } catch (JsonProcessingException e) {
            return new Invalid("the body does not fit " + shape() + ": " + e.getOriginalMessage());
        }
    }

    private static String shape() {
        return "{\"fileName\": string, \"contentType\": string, \"sizeBytes\": number}";
    }
}
