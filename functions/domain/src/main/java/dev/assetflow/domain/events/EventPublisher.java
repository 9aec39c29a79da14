package dev.assetflow.domain.events;


/** Port: the asset-events topic (SNS). */
public interface EventPublisher {
    void publish(AssetEvent event);
}
