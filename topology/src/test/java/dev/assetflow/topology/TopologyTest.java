package dev.assetflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private final Topology topology = TopologyLoader.load();

    @Test
    void theBundledTopologyIsConsistent() {
        assertThat(topology.app()).isEqualTo("assetflow");
        assertThat(topology.buckets()).containsKeys("uploads", "renditions");
        assertThat(topology.buckets().get("uploads").notifications()).singleElement()
                .satisfies(n -> assertThat(n.queue()).isEqualTo("ingest"));
        assertThat(topology.queues().values()).filteredOn(q -> q.work() != null)
                .extracting(q -> q.work().key())
                .contains("image/critical", "image/standard", "image/bulk");
        assertThat(topology.topics().get("asset-events").subscriptions()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.filterPolicy()).isNotNull());
    }

    @Test
    void everyFunctionEnvironmentResolvesThroughTheHost() {
        Map<String, String> env = FunctionEnvironment.of(topology, "ingest", new NamingResolver(new ResourceNames("af-test")));
        assertThat(env).containsEntry("ASSETS_TABLE", "af-test-assets")
                .containsEntry("REVIEW_QUEUE_URL", "url:af-test-review")
                .containsEntry("ROUTING_RULES", "ssm:/af-test/config/routing-rules")
                .containsEntry("PROFILES", "ssm:/af-test/config/profiles")
                .containsEntry("DEAD_LETTER_QUEUE_URLS", "{\"af-test-ingest\":\"url:af-test-ingest-dlq\"}");
        assertThat(env.get("WORK_QUEUES")).startsWith("{\"audio/standard\":\"url:af-test-audio-standard\",")
                .contains("\"image/critical\":\"url:af-test-image-critical\"",
                        "\"video/bulk\":\"url:af-test-video-bulk\"",
                        "\"document/standard\":\"url:af-test-document-standard\"");
        Map<String, String> worker = FunctionEnvironment.of(topology, "image-worker", new NamingResolver(new ResourceNames("af-test")));
        assertThat(worker).containsEntry("FFMPEG_PATH", "/tools/ffmpeg");
        assertThat(worker.get("DEAD_LETTER_QUEUE_URLS")).contains("\"af-test-image-critical\":\"url:af-test-image-critical-dlq\"");
        assertThat(env.get("WORK_QUEUES")).as("chunk queues are the video worker's, not ingest's").doesNotContain("chunks");
        Map<String, String> video = FunctionEnvironment.of(topology, "video-worker", new NamingResolver(new ResourceNames("af-test")));
        assertThat(video).containsEntry("CRITICAL_CHUNK_QUEUE_URL", "url:af-test-video-chunks-critical")
                .containsEntry("BULK_CHUNK_QUEUE_URL", "url:af-test-video-chunks-bulk");
    }

    @Test
    void aWebhookBecomesAFilteredSubscriberQueueWithADeadLetterQueueAndADeliveryFunctionOfItsOwn() throws Exception {
        com.fasterxml.jackson.databind.JsonNode policy = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"type\": [\"asset.ready\", \"asset.failed\"], \"kind\": [\"video\"]}");
        Topology withCms = topology.withWebhook("cms", new WebhookSpec("the CMS", "https://cms.example.com/hooks/assetflow", policy, 4, null, null));

        assertThat(withCms.queue("webhook-cms").hasDeadLetterQueue()).isTrue();
        assertThat(withCms.queue("webhook-cms").consumer()).isEqualTo(new QueueSpec.ConsumerSpec("webhook-cms", 1, 4));
        assertThat(withCms.queue("webhook-cms").messageRetentionSeconds()).as("longer than the 24 h of retries").isGreaterThan(24 * 3600);
        assertThat(withCms.topics().get("asset-events").subscriptions()).filteredOn(s -> s.queue().equals("webhook-cms")).singleElement()
                .satisfies(s -> assertThat(s.filterPolicy()).isEqualTo(policy)).satisfies(s -> assertThat(s.rawMessageDelivery()).isTrue());
        Map<String, String> env = FunctionEnvironment.of(withCms, "webhook-cms", new NamingResolver(new ResourceNames("af-test")));
        assertThat(env).containsEntry("WEBHOOK_URL", "https://cms.example.com/hooks/assetflow")
                .containsEntry("WEBHOOK_SECRET_ARN", "arn:secret:af-test-webhook-cms")
                .containsEntry("DELIVERIES_TABLE", "af-test-webhook-deliveries")
                .containsEntry("DELIVERY_DEADLINE_SECONDS", "86400")
                .containsEntry("ALLOW_PRIVATE_ADDRESSES", "false")
                .containsEntry("DEAD_LETTER_QUEUE_URLS", "{\"af-test-webhook-cms\":\"url:af-test-webhook-cms-dlq\"}");
        assertThat(withCms.withWebhook("cms", new WebhookSpec(null, "https://cms.example.com/v2", null, null, null, null))
                .topics().get("asset-events").subscriptions()).as("replaced, not added twice")
                .filteredOn(s -> s.queue().equals("webhook-cms")).singleElement();
        assertThat(topology.queues()).as("the bundled topology has no webhook").noneSatisfy((name, q) -> assertThat(name).startsWith("webhook-"));
    }

    @Test
    void aWebhookMustBeHttpsWithAStringListPolicyOnEventAttributes() throws Exception {
        com.fasterxml.jackson.databind.JsonNode numeric = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"size\": [{\"numeric\": [\">\", 5]}]}");
        assertThatThrownBy(() -> topology.withWebhook("cms", new WebhookSpec(null, "http://cms.example.com/hooks", numeric, 1, null, null)))
                .hasMessageContaining("url must be https://").hasMessageContaining("filterPolicy.size")
                .hasMessageContaining("maxInFlight must be 2-1000");
        assertThat(topology.withWebhook("local", new WebhookSpec(null, "http://127.0.0.1:8080/hook", null, null, true, 120))
                .function("webhook-local").environment()).containsKey("WEBHOOK_SECRET_ARN");
        assertThatThrownBy(() -> topology.withWebhook("Bad_Name", new WebhookSpec(null, "https://x.example.com", null, null, null, null)))
                .hasMessageContaining("lower-case letters");
    }

    @Test
    void everyQueueWithWorkHasAConsumerSoNothingWaitsForever() {
        assertThat(TopologyLoader.load().queues()).allSatisfy((name, queue) -> {
            if (queue.work() != null) {
                assertThat(queue.consumer()).as(name + " holds work, so a function must consume it").isNotNull();
            }
        });
        assertThat(TopologyLoader.load().queuesConsumedBy("video-chunk-worker"))
                .containsExactlyInAnyOrder("video-chunks-critical", "video-chunks-standard", "video-chunks-bulk");
    }

    @Test
    void everyQueueThatHoldsWorkAlarmsWhenItsOldestMessageWaitsTooLong() {
        assertThat(TopologyLoader.load().queues()).allSatisfy((name, queue) -> {
            if (queue.work() != null || queue.consumer() != null) {
                assertThat(queue.oldestMessageAlarmSeconds()).as(name).isNotNull().isPositive();
            }
        });
    }

    @Test
    void dlqTriageReadsEveryDeadLetterQueueOnASchedule() {
        Map<String, String> env = FunctionEnvironment.of(topology, "dlq-triage", new NamingResolver(new ResourceNames("af-test")));
        long queuesWithDeadLetters = topology.queues().values().stream().filter(QueueSpec::hasDeadLetterQueue).count();
        assertThat(env.get("DEAD_LETTER_QUEUE_URLS").split(",")).hasSize((int) queuesWithDeadLetters);
        assertThat(env.get("DEAD_LETTER_QUEUE_URLS")).contains("\"af-test-ingest\":\"url:af-test-ingest-dlq\"",
                "\"af-test-video-bulk\":\"url:af-test-video-bulk-dlq\"", "\"af-test-notifications\":\"url:af-test-notifications-dlq\"");
        assertThat(topology.function("dlq-triage").schedule()).isEqualTo(new FunctionSpec.Schedule(1));
        assertThat(topology.deadLetterSources("ingest")).containsExactly("ingest");
        assertThat(topology.deadLetterSources("*")).hasSize((int) queuesWithDeadLetters).doesNotContain("review");
        assertThat(String.join(",", topology.breakerSteps()))
                .as("breaker-probe watches every step with a circuit breaker")
                .isEqualTo(topology.function("breaker-probe").environment().get("BREAKER_STEPS").value());
    }

    @Test
    void danglingReferencesAreReported() {
        String broken = """
                {"app": "x", "buckets": {"b": {"notifications": [{"queue": "nope", "events": ["s3:ObjectCreated:*"]}]}},
                 "tables": {}, "queues": {"q": {"visibilityTimeoutSeconds": 1, "consumer": {"function": "ghost", "batchSize": 11, "maxConcurrency": 1}},
                                         "r": {"visibilityTimeoutSeconds": 5, "consumer": {"function": "f", "batchSize": 1, "maxConcurrency": 2}}},
                 "topics": {}, "functions": {"f": {"handler": "h", "module": "m", "memoryMb": 1, "timeoutSeconds": 1,
                   "environment": {"T": {"table": "missing", "access": "read"}, "Q": {"queue": "q", "access": "eat"}, "Z": {}}}}}""";
        assertThatThrownBy(() -> TopologyLoader.parse(broken))
                .hasMessageContaining("bucket b notifies unknown queue nope")
                .hasMessageContaining("queue q feeds unknown function ghost")
                .hasMessageContaining("queue q: batchSize must be 1-10")
                .hasMessageContaining("queue q: maxConcurrency must be 2-1000")
                .hasMessageContaining("queue r: visibilityTimeoutSeconds must be at least 6 x the timeout of f (6)")
                .hasMessageContaining("f.T refers to unknown table missing")
                .hasMessageContaining("f.Q: access must be one of")
                .hasMessageContaining("f.Z: an environment value needs exactly one of");
    }

    @Test
    void everyConfigurationParameterHasItsFirstVersionBundled() {
        assertThat(topology.parameters()).containsOnlyKeys("routing-rules", "profiles");
        topology.parameters().values().forEach(p -> assertThat(TopologyLoader.configDocument(p.file())).startsWith("{"));
        String dangling = """
                {"app": "x", "buckets": {}, "tables": {}, "queues": {}, "topics": {},
                 "parameters": {"rules": {"file": "routing-rules.json"}},
                 "functions": {"f": {"handler": "h", "module": "m", "memoryMb": 1, "timeoutSeconds": 1,
                   "environment": {"P": {"parameter": "nope", "access": "read"}}}}}""";
        assertThatThrownBy(() -> TopologyLoader.parse(dangling)).hasMessageContaining("f.P refers to unknown parameter nope");
    }

    @Test
    void namesArePrefixedAndValidated() {
        assertThat(new ResourceNames("assetflow-prod").deadLetterQueue("ingest")).isEqualTo("assetflow-prod-ingest-dlq");
        assertThatThrownBy(() -> new ResourceNames("Bad_Prefix")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Answers with recognisable strings, to show which resolver method each reference went through. */
    private record NamingResolver(ResourceNames names) implements ResourceResolver {
        public String bucketName(String logical) { return names.of(logical); }
        public String tableName(String logical) { return names.of(logical); }
        public String queueUrl(String logical) { return "url:" + names.of(logical); }
        public String deadLetterQueueUrl(String logical) { return "url:" + names.deadLetterQueue(logical); }
        public String queueName(String logical) { return names.of(logical); }
        public String topicArn(String logical) { return "arn:" + names.of(logical); }
        public String toolPath(String tool) { return "/tools/" + tool; }
        public String mediaConvertRoleArn() { return "arn:role:" + names.of("mediaconvert"); }
        public String mediaConvertQueueArn(String priority) { return "arn:queue:" + names.of(priority); }
        public String parameterName(String logical) { return ParameterSpec.name(names.prefix(), logical); }
        public String webhookSecretArn(String webhook) { return "arn:secret:" + names.of("webhook-" + webhook); }
    }
}
