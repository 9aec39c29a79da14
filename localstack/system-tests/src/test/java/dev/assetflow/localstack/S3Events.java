package dev.assetflow.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * S3 event notifications as S3 writes them, made from the sample in events/ with a real bucket, key
 * and ETag: what a redelivery by S3 looks like.
 */
final class S3Events {

    private S3Events() {
    }

    static String objectCreated(String bucket, String key, String etag, long size) {
        JsonNode sqsEvent = sample("/events/ingest/s3-object-created.json");
        try {
            ObjectNode notification = (ObjectNode) Json.mapper().readTree(sqsEvent.path("Records").path(0).path("body").asText());
            ObjectNode s3 = (ObjectNode) notification.path("Records").path(0).path("s3");
            ((ObjectNode) s3.path("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            ((ObjectNode) s3.path("object")).put("key", URLEncoder.encode(key, StandardCharsets.UTF_8))
                    .put("eTag", etag.replace("\"", "")).put("size", size);
            return notification.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode sample(String resource) {
        try (InputStream in = S3Events.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample " + resource + " is not on the test classpath");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
