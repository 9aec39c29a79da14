package dev.assetflow.localstack.runtime;

import dev.assetflow.topology.QueueSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): long-polls the queue, invokes the
 * function with batches of up to {@code batchSize} records, never runs more than
 * {@code maxConcurrency} invocations at once, deletes the records the function did not report as
 * batch item failures, and leaves the rest (or the whole batch, if the invocation throws) to
 * reappear after the visibility timeout, where the queue's redrive policy counts them.
 */
public final class SqsEventSourceMapping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final QueueSpec.ConsumerSpec consumer;
    private final LocalFunction function;
    private final BooleanSupplier enabled;
    private final Semaphore environments;
    private final ExecutorService invocations;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong invocationCount = new AtomicLong();
    private final Thread poller;

    /**
     * @param enabled asked before every poll: false pauses the mapping, as disabling an event source
     *                mapping does on AWS (the function's circuit breaker is open)
     */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, String region,
            QueueSpec.ConsumerSpec consumer, LocalFunction function, BooleanSupplier enabled) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.consumer = consumer;
        this.function = function;
        this.enabled = enabled;
        this.environments = new Semaphore(consumer.maxConcurrency());
        this.invocations = Executors.newFixedThreadPool(consumer.maxConcurrency(),
                Thread.ofPlatform().name(function.name() + "-", 0).daemon().factory());
        this.poller = Thread.ofPlatform().name("poll-" + queueArn.substring(queueArn.lastIndexOf(':') + 1)).daemon()
                .unstarted(this::poll);
    }

    public SqsEventSourceMapping start() {
        poller.start();
        return this;
    }

    public long invocations() {
        return invocationCount.get();
    }

    private void poll() {
        while (running.get()) {
            try {
                if (!enabled.getAsBoolean()) {
                    Thread.sleep(1000);
                    continue;
                }
                environments.acquire(); // receive only when an execution environment is free
                List<Message> messages = receive();
                if (messages.isEmpty() || !running.get()) {
                    environments.release();
                    continue;
                }
                invocations.submit(() -> {
                    try {
                        invoke(messages);
                    } finally {
                        environments.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                environments.release();
                if (running.get()) {
                    LOG.warn("polling {} failed; retrying", queueUrl, e);
                    sleepQuietly(1000);
                }
            }
        }
    }

    private List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(consumer.batchSize())
                .waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void invoke(List<Message> messages) {
        invocationCount.incrementAndGet();
        Set<String> failed;
        try {
            // the first record's trace continues, as Lambda's SQS integration does
            java.util.Optional<String> trace = java.util.Optional.ofNullable(
                    messages.get(0).attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER));
            failed = LambdaEvents.failedItemIds(function.invoke(LambdaEvents.sqsEvent(messages, queueArn, region), trace));
        } catch (RuntimeException | Error e) {
            LOG.error("{} failed on a batch of {}; the whole batch returns after its visibility timeout",
                    function.name(), messages.size(), e);
            return;
        }
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!deletes.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
        }
    }

    @Override
    public void close() {
        running.set(false);
        poller.interrupt();
        invocations.shutdown();
        try {
            if (!invocations.awaitTermination(30, TimeUnit.SECONDS)) {
                invocations.shutdownNow();
            }
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
