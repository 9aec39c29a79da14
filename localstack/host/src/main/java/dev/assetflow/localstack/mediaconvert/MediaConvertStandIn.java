package dev.assetflow.localstack.mediaconvert;

import dev.assetflow.localstack.runtime.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A local stand-in for AWS Elemental MediaConvert, which the emulator lacks: the MediaConvert REST API the
 * real SDK client calls (CreateJob, GetJob, ListJobs, CancelJob; https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html),
 * refusing with BadRequestException what MediaConvert refuses and can be checked here (a role or queue the
 * stack does not have, no input, an output group without outputs, a video output larger than the input),
 * honouring the client request token, and running each job with ffmpeg ({@link StandInJob}), its state
 * changes put on the emulator's event bus. What it does not model is listed in the README.
 */
public final class MediaConvertStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaConvertStandIn.class);
    static final String ACCOUNT = "123456789012";
    private static final String JOBS = "/2017-08-29/jobs";

    private final HttpServer server;
    private final String region;
    private final String roleArn;
    private final Set<String> queues;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final JobEvents events;
    private final StandInJob.Tools tools;
    private final StandInFaults faults = new StandInFaults();
    private final Map<String, StandInJob.Record> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> jobByToken = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Two jobs at a time, like a small on-demand queue; more wait in SUBMITTED. */
    private final ExecutorService runner = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("mediaconvert-job-", 0).daemon().factory());

    public MediaConvertStandIn(String region, String roleArn, Set<String> queueArns, S3Client s3, S3Presigner presigner,
            EventBridgeClient events, Path ffmpeg, Path ffprobe) {
        this.region = region;
        this.roleArn = roleArn;
        this.queues = Set.copyOf(queueArns);
        this.s3 = s3;
        this.presigner = presigner;
        this.events = new JobEvents(events);
        this.tools = new StandInJob.Tools(ffmpeg, ffprobe);
        server = Exchanges.loopbackServer(0, 64);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().name("mediaconvert-api-", 0).daemon().factory()));
        server.createContext(JOBS, this::serve);
        server.start();
    }

    /** The endpoint to give the SDK client ({@code AWS_ENDPOINT_URL_MEDIACONVERT}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public StandInFaults faults() {
        return faults;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String id = path.length() > JOBS.length() + 1 ? path.substring(JOBS.length() + 1) : null;
            switch (exchange.getRequestMethod() + (id == null ? "" : " id")) {
                case "POST" -> create(exchange);
                case "GET id" -> withJob(exchange, id, job -> respond(exchange, 200, wrap("job", job.toJson())));
                case "GET" -> list(exchange);
                case "DELETE id" -> withJob(exchange, id, job -> cancel(exchange, job));
                default -> error(exchange, 404, "NotFoundException", "no such MediaConvert operation: " + exchange.getRequestMethod() + " " + path);
            }
        } catch (RuntimeException e) {
            LOG.warn("stand-in request failed", e);
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        String token = request.path("clientRequestToken").asText("");
        String known = token.isEmpty() ? null : jobByToken.get(token);
        if (known != null) { // an idempotent retry: the job the token made before
            respond(exchange, 201, wrap("job", jobs.get(known).toJson()));
            return;
        }
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            error(exchange, 400, "BadRequestException", String.join("; ", problems));
            return;
        }
        String id = System.currentTimeMillis() + "-" + Long.toString(36 * 36 * 36 + sequence.incrementAndGet(), 36);
        StandInJob.Record job = new StandInJob.Record(id, "arn:aws:mediaconvert:" + region + ":" + ACCOUNT + ":jobs/" + id,
                request.path("queue").asText(), request);
        jobs.put(id, job);
        if (!token.isEmpty()) {
            jobByToken.put(token, id);
        }
        runner.submit(new StandInJob(job, s3, events, tools, faults));
        LOG.info("stand-in job {} created on {}", id, job.queue());
        respond(exchange, 201, wrap("job", job.toJson()));
    }

    /** What MediaConvert refuses at CreateJob that can be checked locally. */
    private List<String> problems(JsonNode request) {
        List<String> problems = new ArrayList<>();
        if (!roleArn.equals(request.path("role").asText())) {
            problems.add("/role: " + request.path("role").asText("(none)") + " is not a role MediaConvert can assume in this account");
        }
        if (!queues.contains(request.path("queue").asText())) {
            problems.add("/queue: no queue " + request.path("queue").asText("(none)") + " in this account");
        }
        JsonNode inputs = request.path("settings").path("inputs");
        if (inputs.size() != 1 || !inputs.get(0).path("fileInput").asText("").startsWith("s3://")) {
            problems.add("/settings/inputs: one input with an s3:// fileInput is needed (the stand-in takes one)");
            return problems;
        }
        JsonNode groups = request.path("settings").path("outputGroups");
        if (groups.isEmpty()) {
            problems.add("/settings/outputGroups: should have at least 1 item");
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).path("outputs").isEmpty()) {
                problems.add("/settings/outputGroups/" + i + "/outputs: should have at least 1 item");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(largerThanInput(inputs.get(0).path("fileInput").asText(), groups));
        }
        return problems;
    }

    /** A video output above the input's size; an input that cannot be probed now fails the job later, with 1010. */
    private List<String> largerThanInput(String fileInput, JsonNode groups) {
        StandInJob.Probe probe;
        try {
            StandInJob.S3Uri location = StandInJob.S3Uri.parse(fileInput);
            String url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(location.bucket()).key(location.key()))).url().toString();
            probe = StandInJob.Probe.of(tools, url);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            JsonNode outputs = groups.get(g).path("outputs");
            for (int o = 0; o < outputs.size(); o++) {
                JsonNode video = outputs.get(o).path("videoDescription");
                boolean capture = "FRAME_CAPTURE".equals(video.path("codecSettings").path("codec").asText());
                int longSide = Math.max(video.path("width").asInt(), video.path("height").asInt());
                int shortSide = Math.min(video.path("width").asInt(), video.path("height").asInt());
                if (!video.isMissingNode() && !capture && (longSide > Math.max(probe.width(), probe.height())
                        || shortSide > Math.min(probe.width(), probe.height()))) {
                    problems.add("/settings/outputGroups/" + g + "/outputs/" + o + ": " + video.path("width").asInt() + "x"
                            + video.path("height").asInt() + " is above the input's " + probe.width() + "x" + probe.height());
                }
            }
        }
        return problems;
    }

    /** A job not started yet is CANCELED at once; a running one at its next step; an ended one cannot be. */
    private static void cancel(HttpExchange exchange, StandInJob.Record job) throws IOException {
        synchronized (job) {
            if (Set.of("COMPLETE", "ERROR", "CANCELED").contains(job.status)) {
                error(exchange, 400, "BadRequestException", "job " + job.id + " is " + job.status + " and cannot be canceled");
                return;
            }
            job.cancelRequested = true;
            if (job.status.equals("SUBMITTED")) {
                job.status = "CANCELED";
            }
        }
        respond(exchange, 202, Json.mapper().createObjectNode());
    }

    private void list(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        ObjectNode body = Json.mapper().createObjectNode();
        var array = body.putArray("jobs");
        jobs.values().stream().sorted((a, b) -> b.createdAt.compareTo(a.createdAt))
                .filter(job -> !query.contains("queue=") || query.contains("queue=" + java.net.URLEncoder.encode(job.queue(), StandardCharsets.UTF_8)))
                .filter(job -> !query.contains("status=") || query.contains("status=" + job.status))
                .forEach(job -> array.add(job.toJson()));
        respond(exchange, 200, body);
    }

    private interface JobAction {
        void apply(StandInJob.Record job) throws IOException;
    }

    private void withJob(HttpExchange exchange, String id, JobAction action) throws IOException {
        StandInJob.Record job = jobs.get(id);
        if (job == null) {
            error(exchange, 404, "NotFoundException", "The specified job " + id + " was not found");
        } else {
            action.apply(job);
        }
    }

    private static ObjectNode wrap(String field, ObjectNode value) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set(field, value);
        return body;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** REST-JSON errors: the SDK reads the error's type from x-amzn-ErrorType. */
    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(exchange, status, Json.mapper().createObjectNode().put("message", message));
    }

    @Override
    public void close() {
        server.stop(0);
        runner.shutdownNow();
    }
}
