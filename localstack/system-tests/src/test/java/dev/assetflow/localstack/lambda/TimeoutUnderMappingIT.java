package dev.assetflow.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.LocalStackExtension;
import dev.assetflow.localstack.runtime.SqsEventSourceMapping;
import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.QueueSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A function killed by its timeout, behind the local event source mapping, from a real artifact: nothing
 * is deleted, so the message comes back after its visibility timeout, and after maxReceiveCount
 * receives the queue's redrive policy parks it in the DLQ, where triage and redrive find it. A fast
 * message on the same queue is handled and deleted.
 */
@ExtendWith(LocalStackExtension.class)
class TimeoutUnderMappingIT {

    @Test
    void aTimedOutBatchComesBackAndEndsInTheDeadLetterQueue(LocalStackExtension.Fixture fx, @TempDir Path dir) throws Exception {
        SqsClient sqs = fx.stack().clients().sqs();
        String name = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "4",
                QueueAttributeName.REDRIVE_POLICY, Json.write(Map.of("deadLetterTargetArn", arn(sqs, dlq), "maxReceiveCount", 2)))))
                .queueUrl();
        FunctionSpec spec = new FunctionSpec(SlowConsumer.class.getName(), "test", 256, 2, null, List.of(), null, Map.of());
        try (ArtifactFunction consumer = ArtifactFunction.deploy("slow-consumer", spec, Map.of(), artifact(dir),
                Path.of("target", "lambda-timeout-it"), "us-east-1");
                SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, url, arn(sqs, url), "us-east-1",
                        new QueueSpec.ConsumerSpec("slow-consumer", 1, 1), consumer, () -> true).start()) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("slow"));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("fast"));

            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while ((SqsQueues.depth(sqs, dlq) == 0 || SqsQueues.depth(sqs, url) > 0) && Instant.now().isBefore(until)) {
                Thread.sleep(500);
            }
            assertThat(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages())
                    .as("the timed-out message, parked by the redrive policy").singleElement()
                    .satisfies(m -> assertThat(m.body()).isEqualTo("slow"));
            assertThat(SqsQueues.depth(sqs, url)).as("the fast one was handled and deleted").isZero();
            assertThat(Files.readAllLines(consumer.log())).filteredOn(line -> line.contains("Status: timeout")).hasSize(2);
            assertThat(consumer.coldStarts()).as("each timeout replaced its environment").isGreaterThanOrEqualTo(2);
        }
    }

    /** The consumer and the libraries its event type needs (the events library, and joda-time for its dates), in Lambda's zip layout. */
    private static Path artifact(Path dir) throws IOException, java.net.URISyntaxException {
        Path zip = dir.resolve("slow-consumer-lambda.zip");
        String entry = SlowConsumer.class.getName().replace('.', '/') + ".class";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(Files.readAllBytes(Path.of("target", "test-classes").resolve(entry)));
            out.closeEntry();
            for (Class<?> library : List.of(SQSEvent.class, org.joda.time.DateTime.class)) {
                Path jar = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
                out.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                out.write(Files.readAllBytes(jar));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }
}
