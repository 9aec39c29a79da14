package dev.assetflow.runtime.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.work.WorkOutcome;
import java.time.Clock;
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
}
