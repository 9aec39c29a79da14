package dev.assetflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.assetflow.domain.video.ChunkWorkCodec;
import dev.assetflow.domain.work.WorkMessageCodec;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import dev.assetflow.topology.WebhookSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * events/ holds unedited AWS-shaped samples for every function of the topology. Each one loads, with
 * the same loader the function tests use, into the event type of the function's trigger, and names
 * what that trigger would: one of its queues, one of its routes, its schedule.
 */
class EventSamplesTest {
    /** The bundled topology, with a webhook as an operator adds one: its function's samples are the webhook-delivery module's. */
    private static final Topology TOPOLOGY = TopologyLoader.load().withWebhook("cms",
            new WebhookSpec("a CMS", "https://cms.example.com/hooks", null, null, null, null));
    private static final Path EVENTS = SourceTree.repository().resolve("events");

    static Stream<String> functions() {
        return TOPOLOGY.functions().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void everyFunctionHasSamplesInTheShapeOfItsTrigger(String function) throws IOException {
        FunctionSpec spec = TOPOLOGY.function(function);
        // named after the module: one folder serves every webhook's function
        Path folder = EVENTS.resolve(spec.module().substring(spec.module().lastIndexOf('/') + 1));
        assertThat(folder).as("events/" + function).isDirectory();
        List<Path> samples;
        try (Stream<Path> files = Files.list(folder)) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).as("samples in events/" + function).isNotEmpty();
        Set<String> queues = TOPOLOGY.queuesConsumedBy(function);
        for (Path sample : samples) {
            String resource = EVENTS.relativize(sample).toString();
            if (!queues.isEmpty()) {
                checkQueueSample(function, queues, EventLoader.loadSQSEvent(sample.toString()), resource);
            } else if (!spec.http().isEmpty()) {
                APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample.toString());
                assertThat(spec.http()).as(resource).extracting(FunctionSpec.HttpRoute::routeKey).contains(event.getRouteKey());
            } else {
                assertThat(spec.schedule()).as(function + " has no trigger").isNotNull();
                ScheduledEvent event = EventLoader.loadScheduledEvent(sample.toString());
                assertThat(event.getDetailType()).as(resource).isEqualTo("Scheduled Event");
                assertThat(event.getSource()).as(resource).isEqualTo("aws.events");
            }
        }
    }

    private static void checkQueueSample(String function, Set<String> queues, SQSEvent event, String resource) {
        assertThat(event.getRecords()).as(resource).isNotEmpty();
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            String queue = record.getEventSourceArn().substring(record.getEventSourceArn().lastIndexOf(':') + 1);
            assertThat(queues).as(resource + ": " + function + " consumes the queue its record came from")
                    .anyMatch(logical -> queue.endsWith("-" + logical));
            if (function.equals("video-chunk-worker")) {
                assertThat(ChunkWorkCodec.decode(record.getBody())).as(resource).isInstanceOf(ChunkWorkCodec.Valid.class);
            } else if (function.endsWith("-worker") && !resource.contains("invalid")) {
                String kind = function.substring(0, function.indexOf('-'));
                assertThat(WorkMessageCodec.decode(record.getBody())).as(resource)
                        .isInstanceOfSatisfying(WorkMessageCodec.Valid.class,
                                valid -> assertThat(valid.message().kind()).isEqualTo(kind));
            }
        }
    }
}
