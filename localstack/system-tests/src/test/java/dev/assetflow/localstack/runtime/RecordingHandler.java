package dev.assetflow.localstack.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.clients.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function for testing the event source mapping itself: records what it receives, reports bodies
 * starting with "fail" as batch item failures, throws on "crash", and sleeps a little so that
 * concurrent invocations overlap.
 */
public final class RecordingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** How the in-process host builds it. */
    public static final InProcessHandlers.Entry<SQSEvent> ENTRY = new InProcessHandlers.Entry<>(SQSEvent.class, RecordingHandler::new);

    static final List<SQSEvent.SQSMessage> RECEIVED = new CopyOnWriteArrayList<>();
    static final List<Integer> BATCH_SIZES = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MAX_RUNNING = new AtomicInteger();
    static final AtomicInteger INSTANCES = new AtomicInteger();
    static final List<List<String>> CRASHED_BATCHES = new CopyOnWriteArrayList<>();

    public RecordingHandler(AwsClients clients, Map<String, String> environment) {
        INSTANCES.incrementAndGet();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        int running = RUNNING.incrementAndGet();
        MAX_RUNNING.accumulateAndGet(running, Math::max);
        try {
            Thread.sleep(150);
            BATCH_SIZES.add(event.getRecords().size());
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                RECEIVED.add(message);
                DELIVERIES.computeIfAbsent(message.getBody(), k -> new AtomicInteger()).incrementAndGet();
            }
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().startsWith("crash")) {
                    CRASHED_BATCHES.add(event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
                    throw new IllegalStateException("the function crashed");
                }
                if (message.getBody().startsWith("fail")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    static void reset() {
        RECEIVED.clear();
        BATCH_SIZES.clear();
        DELIVERIES.clear();
        MAX_RUNNING.set(0);
        INSTANCES.set(0);
        CRASHED_BATCHES.clear();
    }
}
