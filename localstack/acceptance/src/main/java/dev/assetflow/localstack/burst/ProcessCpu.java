package dev.assetflow.localstack.burst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * CPU-seconds used by this JVM and the processes it started (the moto server, each function's execution
 * environments and, once reaped, their ffmpeg children), by group, read from Linux's /proc
 * ({@code utime + stime + cutime + cstime}, https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html).
 * Two snapshots give each group's share of a time window, so a report can say which process was the
 * bottleneck.
 */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100; // Linux's USER_HZ

    private ProcessCpu() {
    }

    /** Group name → CPU-seconds so far; {@code group} names a process from its command line. */
    static Map<String, Double> snapshot(Function<String, String> group) {
        Map<String, Double> seconds = new TreeMap<>();
        add(seconds, "this JVM (the host and the burst's clients)", ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(process -> {
            String commandLine = process.info().commandLine().orElse("");
            add(seconds, group.apply(commandLine), process.pid());
        });
        return seconds;
    }

    /** What each group used between two snapshots. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((group, total) -> used.put(group, total - before.getOrDefault(group, 0.0)));
        return used;
    }

    private static void add(Map<String, Double> seconds, String group, long pid) {
        if (group == null) {
            return;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17
            long ticks = List.of(11, 12, 13, 14).stream().mapToLong(i -> Long.parseLong(fields[i])).sum();
            seconds.merge(group, ticks / TICKS_PER_SECOND, Double::sum);
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading: its time is gone with it
        }
    }

    /** Names the processes of a local stack: the emulator, each function's environments by handler, the rest. */
    static Function<String, String> stackGroups(Map<String, String> functionByHandler) {
        Map<String, String> handlers = new HashMap<>(functionByHandler);
        return commandLine -> {
            if (commandLine.contains("moto_server")) {
                return "moto server (the embedded AWS, one process)";
            }
            for (Map.Entry<String, String> handler : handlers.entrySet()) {
                if (commandLine.contains(handler.getKey() + "::")) {
                    return "function " + handler.getValue();
                }
            }
            return null; // ffmpeg and the like: counted in their parent once reaped
        };
    }
}
