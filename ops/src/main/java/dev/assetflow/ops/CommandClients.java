package dev.assetflow.ops;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import dev.assetflow.topology.ResourceNames;
import dev.assetflow.topology.TopologyLoader;

/** The clients of an operator command: an emulator's endpoint when given, else AWS as the environment configures it. */
public final class CommandClients {

    private CommandClients() {
    }

    /** Work-queue key → URL, the way ingest gets them, for a local stack's name prefix. */
    public static Map<String, String> localWorkQueues(AwsClients clients, ResourceNames names) {
        Map<String, String> urls = new TreeMap<>();
        TopologyLoader.load().queues().forEach((logical, queue) -> {
            if (queue.work() != null) {
                urls.put(queue.work().key(), clients.sqs().getQueueUrl(b -> b.queueName(names.of(logical))).queueUrl());
            }
        });
        return urls;
    }

    public static AwsClients of(Optional<URI> endpoint, String region) {
        return new AwsClients(endpoint.map(e -> ClientSettings.forEmulator(e, region))
                .orElseGet(() -> ClientSettings.fromEnvironment(System.getenv())));
    }
}
