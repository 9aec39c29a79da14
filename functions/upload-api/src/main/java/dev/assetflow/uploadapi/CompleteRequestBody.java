package dev.assetflow.uploadapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.upload.UploadParts;
import java.util.ArrayList;
import java.util.List;

/** Reads the body of {@code POST /uploads/{uploadId}/complete}: {@code {"parts": [{"partNumber": 1, "etag": "..."}, ...]}}. */
sealed interface CompleteRequestBody {
    String SHAPE = "{\"parts\": [{\"partNumber\": number, \"etag\": string}, ...]}";

    record Valid(List<UploadParts.Receipt> parts) implements CompleteRequestBody {}

    record Invalid(String message) implements CompleteRequestBody {}

    static CompleteRequestBody parse(String body) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return new Invalid("the body is not JSON (" + e.getOriginalMessage() + "); expected " + SHAPE);
        }
        if (tree == null || !tree.path("parts").isArray() || tree.path("parts").isEmpty()) {
            return new Invalid("the body must list the parts: " + SHAPE);
        }
        List<UploadParts.Receipt> parts = new ArrayList<>();
        for (JsonNode part : tree.path("parts")) {
            if (!part.path("partNumber").canConvertToInt() || !part.path("partNumber").isIntegralNumber()
                    || !part.path("etag").isTextual() || part.path("etag").asText().isBlank()) {
                return new Invalid("part " + (parts.size() + 1) + " of the list has no partNumber or etag: " + part + "; expected " + SHAPE);
            }
            parts.add(new UploadParts.Receipt(part.path("partNumber").asInt(), part.path("etag").asText()));
        }
        return new Valid(parts);
    }
}
