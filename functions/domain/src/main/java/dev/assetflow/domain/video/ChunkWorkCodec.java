package dev.assetflow.domain.video;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.work.WorkMessageCodec;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks chunk messages; a malformed one is a categorised failure value, as with work messages. */
public final class ChunkWorkCodec {

    private ChunkWorkCodec() {
    }

    public sealed interface Decoded {}

    public record Valid(ChunkWork message) implements Decoded {}

    public record Invalid(Failure failure) implements Decoded {}

    public static String encode(ChunkWork message) {
        return Json.write(message);
    }

    public static Decoded decode(String body) {
        ChunkWork message;
        try {
            message = Json.read(body, ChunkWork.class);
        } catch (JsonProcessingException e) {
            return invalid("the chunk message is not valid JSON of the expected shape: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        if (message.schemaVersion() != ChunkWork.SCHEMA_VERSION) {
            problems.add("unsupported schemaVersion " + message.schemaVersion());
        }
        if (message.work() == null) {
            problems.add("work is missing");
        } else if (!WorkMessageCodec.problems(message.work()).isEmpty()) {
            problems.add("work: " + String.join(", ", WorkMessageCodec.problems(message.work())));
        } else if (!message.work().assetId().equals(message.assetId())) {
            problems.add("assetId differs from the work's");
        }
        if (message.layout() == null || message.layout().ladder().isEmpty()) {
            problems.add("layout is missing");
        }
        if (message.part() == null || message.part().kind() == null || message.part().index() < 0
                || message.part().index() >= message.totalParts() || message.part().segments() < 1) {
            problems.add("part is missing or outside 0.." + (message.totalParts() - 1));
        }
        return problems.isEmpty() ? new Valid(message) : invalid("invalid chunk message: " + String.join(", ", problems));
    }

    private static Invalid invalid(String reason) {
        return new Invalid(Failure.of(FailureCategory.INVALID_MESSAGE, reason));
    }
}
