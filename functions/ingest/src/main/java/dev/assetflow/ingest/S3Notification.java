package dev.assetflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of an ingest-queue message: an S3 event notification
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
sealed interface S3Notification {

    /** The {@code s3:TestEvent} S3 sends when a notification configuration is saved. */
    record TestEvent() implements S3Notification {}

    /** Objects created. Other event types (e.g. removals) are counted and ignored. */
    record ObjectsCreated(List<SourceObject> objects, int ignoredRecords) implements S3Notification {}

    /** Not JSON, or not an S3 notification: the message can never succeed. */
    record Unreadable(Failure failure) implements S3Notification {}

    /** An existing object a controlled backfill hands over (README, "Controlled backfill"): routed at bulk priority. */
    record Backfilled(SourceObject object, String runId) implements S3Notification {}

    static S3Notification parse(String body) {
        JsonNode root;
        try {
            root = body == null ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return unreadable("the message body is not JSON: " + preview(body));
        }
        if (root == null || !root.isObject()) {
            return unreadable("the message body is not a JSON object: " + preview(body));
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return new TestEvent();
        }
        if (root.has("backfill")) {
            JsonNode object = root.path("backfill").path("object");
            if (object.path("bucket").asText("").isEmpty() || object.path("key").asText("").isEmpty()) {
                return unreadable("a backfill message lacks backfill.object.bucket or .key: " + preview(body));
            }
            return new Backfilled(new SourceObject(object.path("bucket").asText(), object.path("key").asText(),
                    textOrNull(object.path("etag")), textOrNull(object.path("versionId")), object.path("sizeBytes").asLong(0)),
                    root.path("backfill").path("runId").asText(null));
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) {
            return unreadable("the message is JSON but not an S3 event notification (no Records): " + preview(body));
        }
        List<SourceObject> objects = new ArrayList<>();
        int ignored = 0;
        for (JsonNode record : records) {
            // match the prefix only: multipart completions may be reported as ObjectCreated:Put by emulators
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                ignored++;
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String encodedKey = s3.path("object").path("key").asText(null);
            if (bucket == null || encodedKey == null) {
                return unreadable("an ObjectCreated record lacks s3.bucket.name or s3.object.key");
            }
            // keys arrive form-URL-encoded: spaces as '+', '/' and non-ASCII as %XX
            String key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
            objects.add(new SourceObject(bucket, key, textOrNull(s3.path("object").path("eTag")),
                    textOrNull(s3.path("object").path("versionId")), s3.path("object").path("size").asLong(0)));
        }
        return new ObjectsCreated(objects, ignored);
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static Unreadable unreadable(String reason) {
        return new Unreadable(Failure.of(FailureCategory.INVALID_MESSAGE, reason));
    }

    private static String preview(String body) {
        if (body == null) {
            return "(no body)";
        }
        String oneLine = body.replaceAll("\\s+", " ");
        return "'" + (oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…") + "'";
    }
}
