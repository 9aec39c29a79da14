package dev.assetflow.topology;

import java.util.List;

/**
 * A private bucket; {@code notifications} send object events to queues (S3 bucket notifications);
 * {@code expirations} delete objects under a prefix some days after they were written (an S3 lifecycle
 * rule): scratch that no reader needs once its job is done. {@code browserUploads}: browsers PUT to presigned URLs
 * of this bucket from another origin (the apps', the console's), so it answers CORS for PUT (both hosts).
 */
public record BucketSpec(String purpose, boolean browserUploads, List<Notification> notifications, List<Expiration> expirations) {

    public BucketSpec {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        expirations = expirations == null ? List.of() : List.copyOf(expirations);
    }

    public record Notification(String queue, List<String> events, String prefix) {}

    /** Objects under {@code prefix} expire {@code days} after they were written; {@code purpose} says what they are. */
    public record Expiration(String prefix, int days, String purpose) {}
}
