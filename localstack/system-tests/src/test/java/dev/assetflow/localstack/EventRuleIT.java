package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The topology's EventBridge rule delivers MediaConvert job state changes to their queue. */
@ExtendWith(LocalStackExtension.class)
class EventRuleIT {

    @Test
    void aMediaConvertJobStateChangeReachesItsQueue(LocalStackExtension.Fixture fx) throws Exception {
        String detail = "{\"status\": \"COMPLETE\", \"jobId\": \"1700000000000-abcdef\", \"queue\": \"critical\"}";
        try (EventBridgeClient events = fx.stack().clients().configure(EventBridgeClient.builder()).build()) {
            events.putEvents(b -> b.entries(e -> e.source("aws.mediaconvert").detailType("MediaConvert Job State Change")
                    .detail(detail)));
            events.putEvents(b -> b.entries(e -> e.source("aws.s3").detailType("Object Created").detail("{}")));
        }
        String queue = fx.stack().resources().queueUrl("mediaconvert-events");
        List<Message> received = fx.stack().clients().sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                .waitTimeSeconds(5)).messages();
        assertThat(received).hasSize(1);
        JsonNode event = Json.mapper().readTree(received.get(0).body());
        assertThat(event.path("detail-type").asText()).isEqualTo("MediaConvert Job State Change");
        assertThat(event.path("detail").path("jobId").asText()).isEqualTo("1700000000000-abcdef");
    }
}
