package dev.assetflow.domain.ports;

import dev.assetflow.domain.events.AssetEvent;

/** Port: the asset-events topic (SNS). */
public interface EventPublisher {
    void publish(AssetEvent event);
}
