package dev.assetflow.aws.events;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.events.AssetEvent;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.events.EventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes contract events to the asset-events topic, with the message attributes subscribers'
 * filter policies match on (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html).
 */
public final class SnsEventPublisher implements EventPublisher {
    private final SnsClient sns;
    private final String topicArn;

    public SnsEventPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(AssetEvent event) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        event.messageAttributes().forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        try {
            sns.publish(b -> b.topicArn(topicArn).message(Json.write(event)).messageAttributes(attributes));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "Publish " + event.type().wireName() + " for " + event.assetId());
        }
    }
}
