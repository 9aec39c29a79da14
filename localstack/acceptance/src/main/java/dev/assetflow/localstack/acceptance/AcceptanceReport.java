package dev.assetflow.localstack.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.localstack.LocalStack;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.localstack.faults.FaultProxy;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The acceptance run's checks: nothing lost, nothing done twice, every failure named and in its place. */
final class AcceptanceReport {

    record Upload(AcceptanceSamples.Sample sample, String assetId, String key, String problem) {}

    /** An upload and the asset as GET /assets/{id} last showed it (null if never seen). */
    record Outcome(Upload upload, JsonNode asset) {
        String state() {
            return asset == null || asset.isNull() ? "-" : asset.path("state").asText("-");
        }

        String category() {
            return asset == null ? "" : asset.at("/failure/category").asText("");
        }
    }

    private final LocalStack stack;
    private final List<Outcome> outcomes;
    private final EventTap searchIndex;
    private final EventTap notifications;
    private final FaultProxy faults;
    private final Duration elapsed;
    private final List<String> problems = new ArrayList<>();
    /** Events received more than once under one eventId: republished after a fault between publishing and recording it. */
    private long republished;

    AcceptanceReport(LocalStack stack, List<Outcome> outcomes, EventTap searchIndex, EventTap notifications,
            FaultProxy faults, Duration elapsed) {
        this.stack = stack;
        this.outcomes = outcomes;
        this.searchIndex = searchIndex;
        this.notifications = notifications;
        this.faults = faults;
        this.elapsed = elapsed;
    }

    /** Waits until no consumed queue holds a message, visible or in flight. */
    static void awaitDrained(LocalStack stack, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        while (Instant.now().isBefore(deadline) && !undrained(stack).isEmpty()) {
            Thread.sleep(1000);
        }
    }

    private static Map<String, Integer> undrained(LocalStack stack) {
        Map<String, Integer> depths = new TreeMap<>();
        stack.topology().queues().forEach((name, queue) -> {
            if (queue.consumer() != null) {
                int depth = SqsQueues.depth(stack.clients().sqs(), stack.resources().queueUrl(name));
                if (depth > 0) {
                    depths.put(name, depth);
                }
            }
        });
        return depths;
    }

    /** @return the exit code: 0 when every check passed */
    int print(PrintStream out) {
        int good = 0;
        int ready = 0;
        int bad = 0;
        int badAsExpected = 0;
        int originals = 0;
        int renditionsRecorded = 0;
        int renditionEvents = 0;
        Map<String, Integer> byOutcome = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            Upload upload = outcome.upload();
            String label = upload.sample().fileName();
            byOutcome.merge(outcome.state() + (outcome.category().isEmpty() ? "" : " / " + outcome.category()), 1, Integer::sum);
            if (upload.problem() != null) {
                problems.add(label + ": " + upload.problem());
                continue;
            }
            if (originalPresent(upload.key())) {
                originals++;
            } else {
                problems.add(label + ": the original s3://…/" + upload.key() + " is gone");
            }
            if (upload.sample().good()) {
                good++;
                if (outcome.state().equals("READY")) {
                    ready++;
                    renditionsRecorded += outcome.asset().path("renditions").size();
                    renditionEvents += checkEventsOfReady(label, upload.assetId(), outcome.asset());
                } else {
                    problems.add(label + ": expected READY, is " + outcome.state() + " " + outcome.category());
                }
            } else {
                bad++;
                if (upload.sample().states().contains(outcome.state()) && upload.sample().categories().contains(outcome.category())) {
                    badAsExpected++;
                    long terminal = distinctIds(notifications.eventsFor(upload.assetId()).stream()
                            .filter(e -> e.path("type").asText().startsWith("asset.")).toList());
                    if (terminal != 1) {
                        problems.add(label + ": " + terminal + " terminal events instead of 1");
                    }
                } else {
                    problems.add(label + ": expected " + upload.sample().states() + " " + upload.sample().categories()
                            + ", is " + outcome.state() + " " + outcome.category());
                }
            }
        }
        Map<String, Integer> undrained = undrained(stack);
        undrained.forEach((queue, depth) -> problems.add("queue " + queue + " still holds " + depth + " messages"));
        Map<String, Integer> deadLetters = deadLetters();
        Map<String, Integer> expectedDeadLetters = Map.of(AcceptanceRun.POISON_QUEUE, AcceptanceRun.POISON.size());
        if (!deadLetters.equals(expectedDeadLetters)) {
            problems.add("dead-letter queues hold " + deadLetters + ", expected " + expectedDeadLetters);
        }
        if (faults.deaths() < 2) {
            problems.add("only " + faults.deaths() + " worker deaths happened; the run needs at least 2");
        }

        out.println();
        out.println("check                                          expected   actual");
        out.println("---------------------------------------------------------------------");
        row(out, "uploads", outcomes.size(), outcomes.size());
        row(out, "good assets READY", good, ready);
        row(out, "  rendition.ready events, one per rendition", renditionsRecorded, renditionEvents);
        row(out, "bad assets FAILED/QUARANTINED with category", bad, badAsExpected);
        row(out, "originals still in S3", outcomes.size(), originals);
        row(out, "consumed queues drained", 0, undrained.values().stream().mapToInt(Integer::intValue).sum());
        row(out, "dead letters (" + AcceptanceRun.POISON_QUEUE + " poison only)", AcceptanceRun.POISON.size(),
                deadLetters.values().stream().mapToInt(Integer::intValue).sum());
        row(out, "worker deaths (at least)", 2, faults.deaths());
        out.printf("%nevents published again after a fault, same eventId (at least once): %d%n", republished);
        out.printf("faults injected: %d of %d AWS call attempts (%.1f %%); run time %.1f s%n", faults.injected(),
                faults.attempts(), 100.0 * faults.injected() / Math.max(1, faults.attempts()), elapsed.toMillis() / 1000.0);
        out.println("assets by outcome:");
        byOutcome.forEach((outcome, count) -> out.printf("  %-40s %d%n", outcome, count));
        if (problems.isEmpty()) {
            out.println("\nNo asset lost, none processed twice, every failure named and in its place.");
            return 0;
        }
        out.printf("%n%d problems:%n", problems.size());
        problems.forEach(p -> out.println("  " + p));
        return 1;
    }

    /** @return the distinct rendition.ready events received for the asset; see {@link ReadyEvents} */
    private int checkEventsOfReady(String label, String assetId, JsonNode asset) {
        ReadyEvents.Check check = ReadyEvents.check(label, searchIndex.eventsFor(assetId), asset);
        problems.addAll(check.problems());
        republished += check.republished();
        return check.renditionEvents();
    }

    private static long distinctIds(List<JsonNode> events) {
        return ReadyEvents.distinctIds(events);
    }

    private Map<String, Integer> deadLetters() {
        Map<String, Integer> counts = new TreeMap<>();
        stack.topology().queues().forEach((name, queue) -> {
            if (queue.hasDeadLetterQueue()) {
                int depth = SqsQueues.depth(stack.clients().sqs(), stack.resources().deadLetterQueueUrl(name));
                if (depth > 0) {
                    counts.put(name, depth);
                }
            }
        });
        return counts;
    }

    private boolean originalPresent(String key) {
        try {
            stack.clients().s3().headObject(b -> b.bucket(stack.resources().bucketName("uploads")).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static void row(PrintStream out, String check, int expected, int actual) {
        out.printf("%-46s %8d %8d  %s%n", check, expected, actual, expected == actual ? "ok" : "MISMATCH");
    }
}
