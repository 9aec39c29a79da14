package dev.assetflow.domain.work;

/**
 * A queue message as a function's service sees it: its id, its body and the queue it came from (the
 * record's eventSourceARN), without the Lambda event type, so services depend on the domain only.
 */
public record ReceivedMessage(String messageId, String body, String sourceQueueArn) {
    public ReceivedMessage {
        body = body == null ? "" : body;
    }
}
