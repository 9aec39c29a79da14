package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The topology's EventBridge rule delivers MediaConvert job state changes, and only them, through their
 * queue to the completion function (which ignores this one: its queue is not the stack's).
 */
@ExtendWith(LocalStackExtension.class)
class EventRuleIT {

    @Test
    void aMediaConvertJobStateChangeReachesTheCompletionFunctionAndNothingElseDoes(LocalStackExtension.Fixture fx) throws Exception {
        String detail = "{\"status\": \"COMPLETE\", \"jobId\": \"1700000000000-abcdef\","
                + " \"queue\": \"arn:aws:mediaconvert:us-east-1:123456789012:queues/Default\", \"userMetadata\": {}}";
        try (EventBridgeClient events = fx.stack().clients().configure(EventBridgeClient.builder()).build()) {
            events.putEvents(b -> b.entries(e -> e.source("aws.s3").detailType("Object Created").detail("{}")));
            events.putEvents(b -> b.entries(e -> e.source("aws.mediaconvert").detailType("MediaConvert Job State Change")
                    .detail(detail)));
        }
        Path log = fx.stack().functionLog("mediaconvert-completion");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline) && !(Files.exists(log) && Files.readString(log).contains("1700000000000-abcdef"))) {
            Thread.sleep(200);
        }
        String handled = Files.exists(log) ? Files.readString(log) : "";
        assertThat(handled).as("the completion function's log").contains("job 1700000000000-abcdef is not this stack's");
        assertThat(handled).as("the S3 event matched no MediaConvert rule").doesNotContain("not a MediaConvert Job State Change");
    }
}
