package dev.assetflow.topology;

import java.util.List;

/** A private bucket; {@code notifications} send object events to queues (S3 bucket notifications). */
public record BucketSpec(String purpose, List<Notification> notifications) {

    public BucketSpec {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    public record Notification(String queue, List<String> events, String prefix) {}
}
