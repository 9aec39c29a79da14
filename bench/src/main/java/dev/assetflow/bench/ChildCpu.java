package dev.assetflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU-seconds used by this JVM's finished child processes (ffmpeg), from Linux's /proc/self/stat
 * (cutime + cstime, https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html): the JDK reaps every
 * child it starts, so a child's time is counted once it has ended.
 */
final class ChildCpu {
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private ChildCpu() {
    }

    static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("CPU time is read from /proc (Linux only)", e);
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            if (!getconf.waitFor(10, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
                return 100;
            }
            return Double.parseDouble(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100; // Linux's USER_HZ almost everywhere
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
