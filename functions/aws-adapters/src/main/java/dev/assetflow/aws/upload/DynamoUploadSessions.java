package dev.assetflow.aws.upload;

import static dev.assetflow.aws.dynamodb.Attr.integer;
import static dev.assetflow.aws.dynamodb.Attr.n;
import static dev.assetflow.aws.dynamodb.Attr.number;
import static dev.assetflow.aws.dynamodb.Attr.putIfPresent;
import static dev.assetflow.aws.dynamodb.Attr.s;
import static dev.assetflow.aws.dynamodb.Attr.string;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.upload.MultipartPlan;
import dev.assetflow.domain.upload.MultipartUpload;
import dev.assetflow.domain.upload.UploadSessions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Multipart uploads in their own table (the API may write there and nowhere else), one item per upload
 * keyed by the asset id it becomes, purged by TTL 30 days after it expires. Created once
 * (condition: no item yet) and closed once (condition: still OPEN), so two completions or a completion and
 * an abort racing each other end with one outcome both requests can read.
 */
public final class DynamoUploadSessions implements UploadSessions {
    /** Kept past its expiry so that a late second completion still answers what the first did. */
    private static final java.time.Duration KEPT_AFTER_EXPIRY = java.time.Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUploadSessions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(MultipartUpload upload) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(upload)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "recording the multipart upload of asset " + upload.assetId());
        }
    }

    @Override
    public Optional<MultipartUpload> find(AssetId assetId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(assetId))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(upload(item));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "reading the multipart upload of asset " + assetId);
        }
    }

    @Override
    public MultipartUpload close(MultipartUpload next) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(next.state().name()), ":open", s(MultipartUpload.State.OPEN.name())));
        String update = "SET #state = :state";
        if (next.etag() != null) {
            values.put(":etag", s(next.etag()));
            update += ", etag = :etag";
        }
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(next.assetId())).updateExpression(expression)
                    .conditionExpression("#state = :open").expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return next;
        } catch (ConditionalCheckFailedException e) {
            return find(next.assetId()).orElseThrow();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "closing the multipart upload of asset " + next.assetId());
        }
    }

    private static Map<String, AttributeValue> key(AssetId id) {
        return Map.of("pk", s(id.value()));
    }

    private static Map<String, AttributeValue> item(MultipartUpload upload) {
        Map<String, AttributeValue> item = new HashMap<>(key(upload.assetId()));
        item.put("bucket", s(upload.bucket()));
        item.put("objectKey", s(upload.key()));
        item.put("contentType", s(upload.contentType()));
        item.put("sizeBytes", n(upload.plan().sizeBytes()));
        item.put("partSize", n(upload.plan().partSize()));
        item.put("partCount", n(upload.plan().partCount()));
        item.put("s3UploadId", s(upload.s3UploadId()));
        item.put("state", s(upload.state().name()));
        item.put("createdAt", n(upload.createdAt().toEpochMilli()));
        item.put("expiresAt", n(upload.expiresAt().toEpochMilli()));
        item.put("purgeAt", n(upload.expiresAt().plus(KEPT_AFTER_EXPIRY).getEpochSecond())); // TTL reads epoch seconds
        putIfPresent(item, "etag", upload.etag());
        return item;
    }

    private static MultipartUpload upload(Map<String, AttributeValue> item) {
        return new MultipartUpload(new AssetId(string(item, "pk")), string(item, "bucket"), string(item, "objectKey"),
                string(item, "contentType"),
                new MultipartPlan(number(item, "sizeBytes"), number(item, "partSize"), integer(item, "partCount")),
                string(item, "s3UploadId"), MultipartUpload.State.valueOf(string(item, "state")),
                Instant.ofEpochMilli(number(item, "createdAt")), Instant.ofEpochMilli(number(item, "expiresAt")), string(item, "etag"));
    }
}
