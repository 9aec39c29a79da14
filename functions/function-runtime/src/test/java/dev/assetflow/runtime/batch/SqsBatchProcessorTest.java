package dev.assetflow.runtime.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.work.WorkOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import dev.assetflow.runtime.retry.RetryScheduler;
class SqsBatchProcessorTest {

    @Test
    void onlyRecordsToRetryAreReportedAndEveryRecordIsHandled() {
        SQSEvent event = event("done", "duplicate", "settled", "retry", "transient-exception", "bug", "last");
        List<String> handled = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> retried = new ArrayList<>();
        RetryScheduler scheduler = (message, failure) -> retried.add(message.getMessageId() + " " + failure.category());

        SQSBatchResponse response = new SqsBatchProcessor(new PipelineMetrics("test", lines::add, Clock.systemUTC()),
                scheduler, Optional.empty(), null, Clock.systemUTC()).process(event, null, (message, deadline) -> {
            handled.add(message.messageId());
            return switch (message.body()) {
                case "duplicate" -> new WorkOutcome.Duplicate("seen");
                case "settled" -> new WorkOutcome.Settled(Failure.of(FailureCategory.CORRUPT_MEDIA, "bad"));
                case "retry" -> new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "later"));
                case "transient-exception" -> throw FailureException.transientFailure("throttled", null);
                case "bug" -> throw new IllegalStateException("unexpected");
                default -> new WorkOutcome.Done("ok");
            };
        });

        assertThat(handled).containsExactly("id-done", "id-duplicate", "id-settled", "id-retry",
                "id-transient-exception", "id-bug", "id-last");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("id-retry", "id-transient-exception", "id-bug");
        assertThat(retried).containsExactly("id-retry TRANSIENT", "id-transient-exception TRANSIENT", "id-bug INTERNAL");
        assertThat(lines).filteredOn(line -> line.contains("\"Records\":1")).hasSize(7);
        assertThat(lines).filteredOn(line -> line.contains("\"Failures\":1")).hasSize(4);
        assertThat(lines).anyMatch(line -> line.contains("\"Category\":\"INTERNAL\""));
    }

    @Test
    void eachRecordGetsItsOwnShareOfWhatIsLeftOfTheInvocation() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        List<Long> shares = new ArrayList<>();
        Context context = new RemainingTime(() -> 30_000 - 5_000 * shares.size()); // each record here uses 5 s
        new SqsBatchProcessor(new PipelineMetrics("test", line -> { }, clock), (message, failure) -> { }, Optional.empty(), null,
                clock).process(event("a", "b", "c"), context, (message, deadline) -> {
                    shares.add(deadline.toEpochMilli() - clock.millis());
                    return new WorkOutcome.Done("ok");
                });

        assertThat(shares).as("30 s over 3 records, then 25 s over 2, then 20 s for the last").containsExactly(10_000L, 12_500L, 20_000L);
    }

    @Test
    void anEmptyEventHasNoFailures() {
        List<String> lines = new ArrayList<>();
        assertThat(new SqsBatchProcessor(new PipelineMetrics("test", lines::add, Clock.systemUTC()),
                (message, failure) -> { throw new AssertionError("nothing to retry"); }, Optional.empty(), null, Clock.systemUTC()).process(new SQSEvent(), null, (m, c) -> new WorkOutcome.Done("x"))
                .getBatchItemFailures()).isEmpty();
    }

    private static SQSEvent event(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("id-" + body);
            message.setBody(body);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** A Lambda context that only knows how much time is left. */
    private record RemainingTime(java.util.function.IntSupplier millis) implements Context {
        @Override public int getRemainingTimeInMillis() { return millis.getAsInt(); }
        @Override public String getAwsRequestId() { return "test"; }
        @Override public String getLogGroupName() { return "test"; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return "test"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:test"; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getMemoryLimitInMB() { return 128; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() { return null; }
    }
}
