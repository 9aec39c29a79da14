package dev.assetflow.localstack.burst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.acceptance.ReadyEvents;
import dev.assetflow.localstack.client.EventTap;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The burst's figures and checks: nothing lost, nothing done twice, every file READY. */
final class BurstReport {
    static final double CONFIRMATION_GOAL_MS = 50;
    private static final double MIB = 1024 * 1024;

    /** CPU-seconds per process group over a window of wall time. */
    record CpuWindow(String name, Duration wall, Map<String, Double> seconds) {}

    private final BurstSettings settings;
    private final List<Double> coldStarts;
    private final List<Double> oneClient;
    private final BurstUpload alone;
    private final List<BurstUpload> uploads;
    private final Map<String, JsonNode> ends;
    private final EventTap events;
    private final List<CpuWindow> cpu;
    private final List<String> problems = new ArrayList<>();

    BurstReport(BurstSettings settings, List<Double> coldStarts, List<Double> oneClient, BurstUpload alone, List<BurstUpload> uploads,
            Map<String, JsonNode> ends, EventTap events, CpuWindow... cpu) {
        this.settings = settings;
        this.coldStarts = coldStarts;
        this.oneClient = oneClient;
        this.alone = alone;
        this.uploads = uploads;
        this.ends = ends;
        this.events = events;
        this.cpu = List.of(cpu);
    }

    /** @return 0 when nothing was lost or done twice and every upload became READY */
    int print(PrintStream out) {
        Percentiles baseline = Percentiles.of(oneClient);
        Percentiles confirmations = Percentiles.of(uploads.stream().filter(u -> u.confirmationNanos() >= 0)
                .map(u -> u.confirmationNanos() / 1e6).toList());
        out.printf("%nconfirmation, POST /uploads → URL or plan, %d clients at once: %s%n", settings.concurrency(),
                confirmations.format("ms", "%.0f"));
        out.printf(Locale.ROOT, "  one client alone (baseline): %s; burst p50 = %.1f × baseline p50, p99 = %.1f × baseline p50%n",
                baseline.format("ms", "%.1f"), confirmations.p50() / baseline.p50(), confirmations.p99() / baseline.p50());
        out.printf("  single PUT: %s; in parts: %s%n", part(false, u -> u.confirmationNanos() / 1e6, "ms", "%.0f"),
                part(true, u -> u.confirmationNanos() / 1e6, "ms", "%.0f"));
        out.printf("  the API's first requests (cold environments, before the run): %s%n", Percentiles.of(coldStarts).format("ms", "%.0f"));
        out.printf(Locale.ROOT, "  goal p99 < %.0f ms: %s%n", CONFIRMATION_GOAL_MS,
                confirmations.p99() < CONFIRMATION_GOAL_MS ? "met" : "NOT met (p99 " + Math.round(confirmations.p99()) + " ms)");
        out.printf(Locale.ROOT, "%ntransfer: single PUTs %s; in parts %s per upload%n", part(false, u -> u.bytes() / MIB / (u.transferNanos() / 1e9), "MiB/s", "%.1f"),
                part(true, u -> u.bytes() / MIB / (u.transferNanos() / 1e9), "MiB/s", "%.1f"));
        double aloneRate = alone.bytes() / MIB / (alone.transferNanos() / 1e9);
        double parts = Percentiles.of(rates(true)).p50();
        out.printf(Locale.ROOT, "  the same file in parts alone (baseline): %.1f MiB/s; in the burst p50 = %.2f × that%n", aloneRate, parts / aloneRate);
        long bytes = uploads.stream().filter(u -> u.problem() == null).mapToLong(BurstUpload::bytes).sum();
        out.printf(Locale.ROOT, "  %.1f MiB stored by all clients%n", bytes / MIB);
        out.printf("%nupload → end (the original stored → the asset's terminal state in its history): READY %s%n",
                Percentiles.of(endSeconds("READY")).format("s", "%.1f"));
        cpu.forEach(window -> printCpu(window, out));
        check();
        out.printf("%nchecks: %d uploads, %d refused or failed, %d READY, %d lost (no terminal state in %d min), %s%n", uploads.size(),
                uploads.stream().filter(u -> u.problem() != null).count(), ends.values().stream().filter(a -> a.path("state").asText().equals("READY")).count(),
                uploads.stream().filter(u -> u.problem() == null && !ends.containsKey(u.assetId())).count(), settings.patience().toMinutes(),
                events == null ? "events not checked (an external API)" : "events checked: one rendition.ready per rendition, one asset.ready per asset");
        if (problems.isEmpty()) {
            out.println("Nothing lost, nothing done twice, every upload READY.");
            return 0;
        }
        out.printf("%d problems:%n", problems.size());
        problems.stream().limit(30).forEach(p -> out.println("  " + p));
        return 1;
    }

    private void check() {
        for (BurstUpload upload : uploads) {
            String label = upload.name() + (upload.assetId() == null ? "" : " (" + upload.assetId() + ")");
            if (upload.problem() != null) {
                problems.add(label + ": " + upload.problem());
                continue;
            }
            JsonNode asset = ends.get(upload.assetId());
            if (asset == null) {
                problems.add(label + ": lost, no terminal state");
            } else if (!asset.path("state").asText().equals("READY")) {
                problems.add(label + ": " + asset.path("state").asText() + " " + asset.path("failure"));
            } else if (events != null) {
                problems.addAll(ReadyEvents.check(label, events.eventsFor(upload.assetId()), asset).problems());
            }
        }
    }

    private List<Double> endSeconds(String state) {
        List<Double> seconds = new ArrayList<>();
        for (BurstUpload upload : uploads) {
            JsonNode asset = upload.assetId() == null ? null : ends.get(upload.assetId());
            if (asset == null || upload.stored() == null || !asset.path("state").asText().equals(state)) {
                continue;
            }
            StreamSupport.stream(asset.path("history").spliterator(), false)
                    .filter(h -> h.path("to").asText().equals(state)).findFirst()
                    .ifPresent(h -> seconds.add(Math.max(0, Duration.between(upload.stored(), Instant.parse(h.path("at").asText())).toMillis() / 1000.0)));
        }
        return seconds;
    }

    private List<Double> rates(boolean multipart) {
        return uploads.stream().filter(u -> u.multipart() == multipart && u.problem() == null && u.transferNanos() > 0)
                .map(u -> u.bytes() / MIB / (u.transferNanos() / 1e9)).toList();
    }

    private String part(boolean multipart, java.util.function.ToDoubleFunction<BurstUpload> value, String unit, String pattern) {
        return Percentiles.of(uploads.stream().filter(u -> u.multipart() == multipart && u.problem() == null && u.transferNanos() > 0)
                .map(u -> value.applyAsDouble(u)).toList()).format(unit, pattern);
    }

    private static void printCpu(CpuWindow window, PrintStream out) {
        double wall = window.wall().toMillis() / 1000.0;
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%nCPU during %s, %.1f s of wall time on %d cores (%.0f core-seconds):%n", window.name(), wall, cores, wall * cores);
        window.seconds().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(group ->
                out.printf(Locale.ROOT, "  %-52s %7.1f s  %5.1f %% of the machine, %5.0f %% of one core%n", group.getKey(), group.getValue(),
                        100 * group.getValue() / (wall * cores), 100 * group.getValue() / wall));
    }
}
