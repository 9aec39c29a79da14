package dev.assetflow.topology;

/** An on-demand DynamoDB table with string keys; {@code ttlAttribute} names the epoch-seconds TTL attribute. */
public record TableSpec(String partitionKey, String sortKey, String ttlAttribute) {
}
