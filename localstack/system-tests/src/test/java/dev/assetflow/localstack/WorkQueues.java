package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Holding work in its queue (a consumer switched off, as a busy class holds it), and asking for a priority change. */
final class WorkQueues {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WorkQueues() {
    }

    /** Switches the queue's event source mapping, then waits out a poll already under way (1 s long polls). */
    static void consumer(LocalStack stack, String queue, boolean enabled) {
        // the host registers each mapping with the emulator on a stand-in queue named after the real one
        String source = ":" + stack.resources().names().of(queue) + "-mapping";
        var all = stack.clients().lambda().listEventSourceMappings().eventSourceMappings();
        var mappings = all.stream().filter(m -> m.eventSourceArn().endsWith(source)).toList();
        assertThat(mappings).as("the event source mapping of %s among %s", queue, all).hasSize(1);
        mappings.forEach(m -> stack.clients().lambda().updateEventSourceMapping(b -> b.uuid(m.uuid()).enabled(enabled)));
        sleep(3000);
    }

    /** Messages in the queue, visible or being handled. */
    static int depth(LocalStack stack, String queue) {
        var attributes = stack.clients().sqs().getQueueAttributes(b -> b.queueUrl(stack.resources().queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static void awaitEmpty(LocalStack stack, String queue, Duration wait) {
        Instant until = Instant.now().plus(wait);
        while (Instant.now().isBefore(until) && depth(stack, queue) > 0) {
            sleep(500);
        }
        assertThat(depth(stack, queue)).as("%s consumed", queue).isZero();
    }

    static HttpResponse<String> priority(LocalStack stack, String assetId, String body) throws Exception {
        return postTo(stack, "/assets/" + assetId + "/priority", body);
    }

    static HttpResponse<String> getFrom(LocalStack stack, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.apiEndpoint().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postTo(LocalStack stack, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.apiEndpoint().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
