package dev.assetflow.domain.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks work messages; a malformed one is a categorised failure value, not an exception. */
public final class WorkMessageCodec {

    private WorkMessageCodec() {
    }

    public sealed interface Decoded {}

    public record Valid(WorkMessage message) implements Decoded {}

    public record Invalid(Failure failure) implements Decoded {}

    public static String encode(WorkMessage message) {
        return Json.write(message);
    }

    public static Decoded decode(String body) {
        WorkMessage message;
        try {
            message = Json.read(body, WorkMessage.class);
        } catch (JsonProcessingException e) {
            return invalid("the work message is not valid JSON of the expected shape: " + e.getOriginalMessage());
        }
        List<String> problems = problems(message);
        return problems.isEmpty() ? new Valid(message) : invalid("invalid work message: " + String.join(", ", problems));
    }

    /** What is wrong with a work message (nothing: empty); also checks the work a chunk message carries. */
    public static List<String> problems(WorkMessage message) {
        List<String> problems = new ArrayList<>();
        if (message.schemaVersion() != WorkMessage.SCHEMA_VERSION) {
            problems.add("unsupported schemaVersion " + message.schemaVersion());
        }
        if (!AssetId.isValid(message.assetId())) {
            problems.add("assetId is missing or not an asset id");
        }
        if (message.source() == null) {
            problems.add("source is missing");
        }
        if (message.route() == null || message.route().profile() == null) {
            problems.add("route.profile is missing");
        }
        if (message.kind() == null || !MediaKind.isLabel(message.kind())) {
            problems.add("kind is missing or unknown");
        }
        return problems;
    }

    private static Invalid invalid(String reason) {
        return new Invalid(Failure.of(FailureCategory.INVALID_MESSAGE, reason));
    }
}
