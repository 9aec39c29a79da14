package dev.assetflow.webhookdelivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The handler on the samples in events/webhook-delivery with nothing answering its AWS calls: what cannot be recorded or
 * parked stays on its queue (a batch item failure), so an outage of the function's own dependencies loses nothing.
 * WebhookIT delivers to a receiver on the local stack.
 */
class WebhookDeliveryHandlerTest {
    static final AwsClients OFFLINE = new AwsClients(ClientSettings.forEmulator(URI.create("http://127.0.0.1:9"), "us-east-1"));
    static final WebhookDeliveryHandler HANDLER = new WebhookDeliveryHandler(OFFLINE, Map.of("WEBHOOK_NAME", "cms",
            "WEBHOOK_URL", "https://cms.example.com/hooks", "WEBHOOK_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:cms",
            "DELIVERIES_TABLE", "assetflow-test-webhook-deliveries",
            "DEAD_LETTER_QUEUE_URLS", "{\"assetflow-prod-webhook-cms\":\"http://127.0.0.1:9/q/webhook-cms-dlq\"}"));

    @AfterAll
    static void closeClients() {
        OFFLINE.close();
    }

    @ParameterizedTest
    @Event(value = "events/webhook-delivery/asset-ready.json", type = SQSEvent.class)
    void anEventWhoseDeliveryCannotBeLookedUpStaysOnItsQueue(SQSEvent event) {
        SQSBatchResponse response = HANDLER.handleRequest(event, null);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("7b2f54c1-0d3e-4a8b-9f61-2c4d6e8f0a1b");
    }

    @ParameterizedTest
    @Event(value = "events/webhook-delivery/not-an-event.json", type = SQSEvent.class)
    void aBodyThatIsNotAnEventIsParkedOrWhenTheDeadLetterQueueIsDownKept(SQSEvent event) {
        SQSBatchResponse response = HANDLER.handleRequest(event, null);
        assertThat(response.getBatchItemFailures()).as("the DLQ does not answer: the message stays").hasSize(1);
    }
}
