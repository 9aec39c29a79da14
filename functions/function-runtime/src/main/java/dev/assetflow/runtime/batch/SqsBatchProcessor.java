package dev.assetflow.runtime.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.deadletter.DynamoFailureLog;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.runtime.retry.VisibilityBackoff;
import dev.assetflow.domain.breaker.BreakerState;
import dev.assetflow.domain.breaker.CircuitBreaker;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.failure.RetryPolicy;
import dev.assetflow.domain.metrics.StageMetrics;
import dev.assetflow.domain.deadletter.FailureLog;
import dev.assetflow.domain.work.ReceivedMessage;
import dev.assetflow.domain.work.WorkOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.assetflow.runtime.config.Env;
import dev.assetflow.runtime.retry.RetryScheduler;
import dev.assetflow.runtime.breaker.Breakers;
import dev.assetflow.runtime.breaker.BreakerTransitions;
/**
 * Partial batch failure for SQS-triggered functions, with the semantics of Powertools' batch
 * utility: each record is handled on its own; only the records that should be retried are reported
 * as batch item failures (the event source mapping must enable ReportBatchItemFailures,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting),
 * so one bad message never fails or delays its batch-mates. A record to retry is handed to the
 * {@link RetryScheduler}, which backs it off. Every record's outcome, failure category and latency is
 * a metric.
 */
public final class SqsBatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchProcessor.class);

    /** Handles one record before the invocation's deadline and says what became of it. */
    @FunctionalInterface
    public interface RecordHandler {
        WorkOutcome handle(ReceivedMessage message, Instant deadline);
    }

    /** Without a Lambda context (a direct call), a record gets as long as a worker's default timeout. */
    private static final Duration NO_CONTEXT_TIME = Duration.ofMinutes(5);

    private final StageMetrics metrics;
    private final RetryScheduler retries;
    private final Optional<CircuitBreaker> breaker;
    private final BreakerTransitions transitions;
    private final Clock clock;

    public SqsBatchProcessor(StageMetrics metrics, RetryScheduler retries, Optional<CircuitBreaker> breaker,
            BreakerTransitions transitions, Clock clock) {
        this.metrics = metrics;
        this.retries = retries;
        this.breaker = breaker;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * The processor every SQS-triggered function uses: metrics for its stage, and retries backed off
     * with full jitter ({@code RETRY_BASE_SECONDS}, {@code RETRY_MAX_SECONDS}) and recorded in
     * {@code FAILURES_TABLE} for DLQ triage.
     */
    public static SqsBatchProcessor forFunction(String stage, AwsClients clients, Map<String, String> environment) {
        Env env = new Env(environment);
        RetryPolicy policy = new RetryPolicy(env.seconds("RETRY_BASE_SECONDS", 2), env.seconds("RETRY_MAX_SECONDS", 300));
        Clock clock = Clock.systemUTC();
        FailureLog failures = new DynamoFailureLog(clients.dynamoDb(), env.required("FAILURES_TABLE"));
        return new SqsBatchProcessor(PipelineMetrics.forStage(stage, environment),
                new VisibilityBackoff(clients.sqs(), failures, policy, stage, () -> ThreadLocalRandom.current().nextDouble(), clock),
                Breakers.of(stage, clients, environment), BreakerTransitions.of(clients), clock);
    }

    public SQSBatchResponse process(SQSEvent event, Context context, RecordHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        Optional<BreakerState> circuit = circuitState();
        if (circuit.isPresent() && !circuit.get().admitsWork()) {
            // the circuit opened after this batch was received: hand it back untouched, to wait out the cool-down
            records.forEach(m -> failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build()));
            LOG.warn("circuit breaker open: {} records handed back unprocessed", records.size());
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        }
        long dependencyFailures = 0;
        for (int index = 0; index < records.size(); index++) {
            SQSMessage message = records.get(index);
            MDC.put("messageId", message.getMessageId());
            try {
                WorkOutcome outcome = handleOne(message, shareOfTime(context, records.size() - index), handler);
                log(outcome);
                measure(message, outcome);
                if (outcome instanceof WorkOutcome.Retry retry) {
                    dependencyFailures++;
                    retries.retryLater(message, retry.failure());
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                }
            } finally {
                MDC.clear();
            }
        }
        if (circuit.isPresent()) {
            recordInBreaker(circuit.get(), records.size(), dependencyFailures,
                    context == null ? null : context.getInvokedFunctionArn());
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Read once per batch; empty without a breaker, or when it cannot be read (that must not stop the work it guards). */
    private Optional<BreakerState> circuitState() {
        try {
            return breaker.map(CircuitBreaker::state);
        } catch (FailureException e) {
            LOG.warn("could not read the circuit breaker state; working on: {}", e.failure());
            return Optional.empty();
        }
    }

    /** Every retried record failed for a reason of the step's dependencies; bad input is not counted. */
    private void recordInBreaker(BreakerState seen, long calls, long failures, String invokedFunctionArn) {
        CircuitBreaker b = breaker.orElseThrow();
        try {
            b.record(seen, calls, failures, invokedFunctionArn)
                    .ifPresent(transition -> transitions.apply(b.step(), transition, metrics));
        } catch (FailureException e) {
            LOG.warn("could not record the batch in the circuit breaker of {}: {}", b.step(), e.failure());
        }
    }

    /**
     * A record's own share of what is left of the invocation: the time left split evenly over the records
     * still to handle, so one slow record cannot leave the rest of its batch no time at all (what a record
     * does not use goes to the ones after it).
     */
    private Instant shareOfTime(Context context, int recordsLeft) {
        long remaining = context == null ? NO_CONTEXT_TIME.toMillis() : context.getRemainingTimeInMillis();
        return clock.instant().plusMillis(remaining / recordsLeft);
    }

    private WorkOutcome handleOne(SQSMessage message, Instant deadline, RecordHandler handler) {
        try {
            return handler.handle(new ReceivedMessage(message.getMessageId(), message.getBody(), message.getEventSourceArn()),
                    deadline);
        } catch (FailureException e) {
            return new WorkOutcome.Retry(e.failure());
        } catch (RuntimeException e) {
            LOG.error("unexpected error handling message {}", message.getMessageId(), e);
            return new WorkOutcome.Retry(Failure.of(FailureCategory.INTERNAL,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void measure(SQSMessage message, WorkOutcome outcome) {
        String category = switch (outcome) {
            case WorkOutcome.Settled settled -> settled.failure().category().name();
            case WorkOutcome.Retry retry -> retry.failure().category().name();
            default -> null;
        };
        metrics.record(outcome.getClass().getSimpleName(), category, latencyMs(message));
    }

    /** Time since SQS accepted the message (SentTimestamp), i.e. waiting plus handling. */
    private Long latencyMs(SQSMessage message) {
        String sent = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
        try {
            return sent == null ? null : clock.millis() - Long.parseLong(sent);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void log(WorkOutcome outcome) {
        switch (outcome) {
            case WorkOutcome.Done done -> LOG.info("record done: {}", done.summary());
            case WorkOutcome.Duplicate duplicate -> LOG.info("record duplicate: {}", duplicate.summary());
            case WorkOutcome.Settled settled -> LOG.warn("record settled with failure {}", settled.failure());
            case WorkOutcome.Retry retry -> LOG.warn("record to retry after {}", retry.failure());
        }
    }
}
