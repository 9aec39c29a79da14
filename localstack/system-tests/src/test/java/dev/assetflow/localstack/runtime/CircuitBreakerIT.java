package dev.assetflow.localstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.breaker.DynamoBreakerStore;
import dev.assetflow.runtime.breaker.BreakerTransitions;
import dev.assetflow.runtime.batch.SqsBatchProcessor;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.breakerprobe.BreakerProbeHandler;
import dev.assetflow.domain.breaker.BreakerPolicy;
import dev.assetflow.domain.breaker.BreakerState;
import dev.assetflow.domain.breaker.CircuitBreaker;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.work.WorkOutcome;
import dev.assetflow.localstack.LocalStackExtension;
import dev.assetflow.localstack.ScheduledEvents;
import dev.assetflow.localstack.provision.LambdaRegistrations;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The circuit breaker on its shared DynamoDB state: it opens on the failure ratio of a window (and
 * only one worker opens it), an open circuit makes the record processor hand batches back and the
 * event source mapping stop polling, breaker-probe half-opens it after the cool-down, and the probe
 * batch closes it again or reopens it.
 */
@ExtendWith(LocalStackExtension.class)
class CircuitBreakerIT {
    private static final BreakerPolicy POLICY = new BreakerPolicy(0.5, 4, Duration.ofMinutes(1), Duration.ofSeconds(2));

    private String step;
    private DynamoBreakerStore store;

    @BeforeEach
    void freshStep(LocalStackExtension.Fixture fx) {
        step = "step-" + UUID.randomUUID().toString().substring(0, 8);
        store = new DynamoBreakerStore(fx.stack().clients().dynamoDb(), fx.stack().resources().tableName("breakers"));
    }

    @Test
    void opensOnTheWindowsFailureRatioHalfOpensAfterTheCoolDownAndClosesOnAGoodProbe() throws Exception {
        CircuitBreaker worker1 = new CircuitBreaker(step, POLICY, store, Clock.systemUTC());
        CircuitBreaker worker2 = new CircuitBreaker(step, POLICY, store, Clock.systemUTC());

        assertThat(worker1.record(3, 3, null)).as("3 calls are below the minimum of 4").isEmpty();
        assertThat(worker2.record(2, 0, null)).as("5 calls, 3 failed: 60 % ≥ 50 %").hasValueSatisfying(t -> {
            assertThat(t.from().status()).isEqualTo(BreakerState.Status.CLOSED);
            assertThat(t.to().status()).isEqualTo(BreakerState.Status.OPEN);
            assertThat(t.to().reason()).contains("3 of 5 calls failed");
        });
        assertThat(worker1.record(1, 1, null)).as("already open: no second opening").isEmpty();
        assertThat(worker1.admitsWork()).isFalse();
        assertThat(worker1.probeIfDue()).as("still cooling down").isEmpty();

        Thread.sleep(2100);
        assertThat(worker2.probeIfDue()).map(t -> t.to().status()).contains(BreakerState.Status.HALF_OPEN);
        assertThat(worker1.probeIfDue()).as("one half-opening").isEmpty();
        assertThat(worker1.admitsWork()).isTrue();
        assertThat(worker1.record(2, 1, null)).map(t -> t.to().status()).as("a failed probe opens it again").contains(BreakerState.Status.OPEN);

        Thread.sleep(2100);
        assertThat(worker1.probeIfDue()).isPresent();
        assertThat(worker2.record(3, 0, null)).map(t -> t.to().status()).contains(BreakerState.Status.CLOSED);
        assertThat(worker2.state().reason()).isEqualTo("the probe batch succeeded");
    }

    @Test
    void onlyOneOfTwoWorkersMovesTheCircuitFromWhatTheyBothSaw() {
        BreakerState seen = store.state(step);
        BreakerState open = new BreakerState(step, BreakerState.Status.OPEN, Instant.now(), Instant.now().plusSeconds(60), "a", 1, null);
        assertThat(store.move(seen, open)).isTrue();
        assertThat(store.move(seen, open)).isFalse();
    }

    @Test
    void anOpenCircuitHandsBatchesBackUnprocessedAndTheOpeningIsAnEvent(LocalStackExtension.Fixture fx) throws Exception {
        CircuitBreaker breaker = new CircuitBreaker(step, POLICY, store, Clock.systemUTC());
        List<String> metrics = new ArrayList<>();
        AtomicInteger handled = new AtomicInteger();
        SqsBatchProcessor processor = new SqsBatchProcessor(new PipelineMetrics(step, metrics::add, Clock.systemUTC()),
                (message, failure) -> { }, Optional.of(breaker), intake(fx), Clock.systemUTC());

        SQSBatchResponse failing = processor.process(batch(6), null, (m, c) -> {
            handled.incrementAndGet();
            return new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "S3 503"));
        });
        assertThat(failing.getBatchItemFailures()).hasSize(6);
        assertThat(handled).hasValue(6);
        assertThat(breaker.state().status()).isEqualTo(BreakerState.Status.OPEN);
        assertThat(metrics).anyMatch(line -> line.contains("\"BreakerState\":\"OPEN\""));
        JsonNode event = operationsEvent(fx, step);
        assertThat(event.path("source").asText()).isEqualTo("assetflow");
        assertThat(event.path("detail-type").asText()).isEqualTo("Circuit Breaker State Change");
        assertThat(event.at("/detail/from").asText()).isEqualTo("CLOSED");
        assertThat(event.at("/detail/to").asText()).isEqualTo("OPEN");
        assertThat(event.at("/detail/reason").asText()).contains("6 of 6 calls failed");

        SQSBatchResponse shed = processor.process(batch(3), null, (m, c) -> {
            handled.incrementAndGet();
            return new WorkOutcome.Done("x");
        });
        assertThat(shed.getBatchItemFailures()).hasSize(3);
        assertThat(handled).as("nothing handled while open").hasValue(6);
    }

    @Test
    void badInputNeverOpensTheCircuit(LocalStackExtension.Fixture fx) {
        CircuitBreaker breaker = new CircuitBreaker(step, POLICY, store, Clock.systemUTC());
        SqsBatchProcessor processor = new SqsBatchProcessor(new PipelineMetrics(step, line -> { }, Clock.systemUTC()),
                (message, failure) -> { }, Optional.of(breaker), intake(fx), Clock.systemUTC());
        processor.process(batch(8), null, (m, c) -> new WorkOutcome.Settled(Failure.of(FailureCategory.CORRUPT_MEDIA, "truncated")));
        assertThat(breaker.state().status()).isEqualTo(BreakerState.Status.CLOSED);
    }

    @Test
    void anOpeningStopsTheStepsEventSourceMappingsAndBreakerProbeStartsThemAgain(LocalStackExtension.Fixture fx) throws Exception {
        RecordingHandler.reset();
        SqsClient sqs = fx.stack().clients().sqs();
        String url = sqs.createQueue(b -> b.queueName("cb-" + step).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        QueueSpec.ConsumerSpec consumer = new QueueSpec.ConsumerSpec(step, 10, 2);
        try (IamClient iam = fx.stack().clients().configure(IamClient.builder()).build()) {
            LambdaRegistrations registrations = new LambdaRegistrations(fx.stack().clients().lambda(), sqs, iam, "role-" + step);
            String function = registrations.function(step, RecordingHandler.class.getName());
            String mappingId = registrations.eventSourceMapping(function, "cb-" + step, consumer);
            FunctionHost<SQSEvent> host = new FunctionHost<>(step,
                    new FunctionSpec(RecordingHandler.class.getName(), "test", 128, 30, null, List.of(), null, Map.of()),
                    RecordingHandler.ENTRY, fx.stack().clients(), Map.of());
            host.registeredAs(function);
            MappingState mappingState = new MappingState(fx.stack().clients().lambda(), mappingId);

            // the worker that trips the circuit stops what invoked it: its function's mappings
            CircuitBreaker breaker = new CircuitBreaker(step, POLICY, store, Clock.systemUTC());
            SqsBatchProcessor processor = new SqsBatchProcessor(new PipelineMetrics(step, line -> { }, Clock.systemUTC()),
                    (message, failure) -> { }, Optional.of(breaker), intake(fx), Clock.systemUTC());
            processor.process(batch(5), new LocalContext(step, function, 128, 30),
                    (m, c) -> new WorkOutcome.Retry(Failure.of(FailureCategory.TRANSIENT, "DynamoDB throttled")));
            assertThat(breaker.state().intake()).isEqualTo(function);
            assertThat(fx.stack().clients().lambda().getEventSourceMapping(b -> b.uuid(mappingId)).state()).isEqualTo("Disabled");

            sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok-waiting"));
            try (SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, url, arn, "us-east-1", consumer, host, mappingState).start()) {
                Thread.sleep(2500);
                assertThat(RecordingHandler.RECEIVED).as("a disabled mapping does not poll").isEmpty();
                BreakerProbeHandler probe = new BreakerProbeHandler(fx.stack().clients(),
                        Map.of("BREAKERS_TABLE", fx.stack().resources().tableName("breakers"), "BREAKER_STEPS", step,
                                "BREAKER_COOL_DOWN_SECONDS", "2"));
                assertThat(probe.handleRequest(ScheduledEvents.of("arn:aws:events:us-east-1:123456789012:rule/p"), null))
                        .containsEntry(step, "HALF_OPEN");
                assertThat(fx.stack().clients().lambda().getEventSourceMapping(b -> b.uuid(mappingId)).state()).isEqualTo("Enabled");
                for (int i = 0; i < 50 && RecordingHandler.RECEIVED.isEmpty(); i++) {
                    Thread.sleep(200);
                }
                assertThat(RecordingHandler.RECEIVED).extracting(SQSEvent.SQSMessage::getBody).containsExactly("ok-waiting");
            }
        }
    }

    private static BreakerTransitions intake(LocalStackExtension.Fixture fx) {
        return BreakerTransitions.of(fx.stack().clients());
    }

    /** The breaker event of a step, as the topology's EventBridge rule delivers it to the operations-events queue. */
    private static JsonNode operationsEvent(LocalStackExtension.Fixture fx, String step) throws Exception {
        String queue = fx.stack().resources().queueUrl("operations-events");
        for (int i = 0; i < 10; i++) {
            for (Message message : fx.stack().clients().sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                JsonNode event = Json.mapper().readTree(message.body());
                if (step.equals(event.at("/detail/step").asText())) {
                    return event;
                }
            }
        }
        throw new AssertionError("no breaker event for " + step + " on the operations-events queue");
    }

    private static SQSEvent batch(int size) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody("{}");
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
