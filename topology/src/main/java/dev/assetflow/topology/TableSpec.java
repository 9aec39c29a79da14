package dev.assetflow.topology;

import java.util.List;
import java.util.Map;

/**
 * An on-demand DynamoDB table with string keys; {@code ttlAttribute} names the epoch-seconds TTL attribute;
 * {@code indexes}: its global secondary indexes by name.
 */
public record TableSpec(String partitionKey, String sortKey, String ttlAttribute, Map<String, IndexSpec> indexes) {

    public TableSpec {
        indexes = indexes == null ? Map.of() : Map.copyOf(indexes);
    }

    /**
     * A global secondary index with string keys, projecting the keys and {@code attributes} (only items that have both
     * key attributes are in it: a sparse index).
     */
    public record IndexSpec(String partitionKey, String sortKey, List<String> attributes, String purpose) {
        public IndexSpec {
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
        }
    }
}
