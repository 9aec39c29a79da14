package dev.assetflow.uploader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per file: a bar, bytes, rate and time left. On a terminal the lines are redrawn in place a few
 * times a second; elsewhere (a log, CI) a line is printed per file every few seconds and at the end.
 */
public final class ProgressBars implements FileUpload.Listener, AutoCloseable {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<Path, Bar> bars = new LinkedHashMap<>();
    private final Thread painter;
    private int drawn;

    private static final class Bar {
        final String name;
        final long total;
        final long startedWith;
        final long startedAt = System.nanoTime();
        final AtomicLong done = new AtomicLong();
        volatile long finishedAt; // the rate and time of a finished file stop there, not at the last repaint
        volatile String note = "";

        Bar(String name, long total, long startedWith) {
            this.name = name;
            this.total = total;
            this.startedWith = startedWith;
            done.set(startedWith);
        }
    }

    public ProgressBars(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.painter = Thread.ofPlatform().daemon().name("progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(terminal ? 250 : 5000);
                    paint();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public synchronized void started(Path file, String assetId, long sizeBytes, long bytesAlreadyStored) {
        bars.put(file, new Bar(file.getFileName().toString(), sizeBytes, bytesAlreadyStored));
    }

    @Override
    public void sent(Path file, long bytes) {
        Bar bar = bar(file);
        if (bar != null) {
            long done = bar.done.addAndGet(bytes);
            if (done < bar.total) {
                bar.finishedAt = 0; // a failed attempt's bytes were taken back: not finished after all
            } else if (bar.finishedAt == 0) {
                bar.finishedAt = System.nanoTime();
            }
        }
    }

    @Override
    public void retrying(Path file, int partNumber, int attempt, String why) {
        Bar bar = bar(file);
        if (bar != null) {
            bar.note = "retrying part " + partNumber + " (" + why.substring(0, Math.min(60, why.length())) + ")";
        }
    }

    private synchronized Bar bar(Path file) {
        return bars.get(file);
    }

    synchronized void paint() {
        if (terminal && drawn > 0) {
            out.print("\033[" + drawn + "F"); // back to the first bar's line
        }
        bars.values().forEach(bar -> out.println((terminal ? "\033[2K" : "") + line(bar)));
        drawn = bars.size();
        out.flush();
    }

    static String line(String name, long total, long done, long newBytes, double seconds, String note) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? newBytes / seconds : 0;
        String eta = rate > 0 && done < total ? String.format(Locale.ROOT, "%.0f s left", (total - done) / rate) : done >= total ? "done" : "";
        String shown = name.length() > 28 ? name.substring(0, 27) + "…" : name;
        return String.format(Locale.ROOT, "%-28s [%s%s] %3.0f%% %s / %s  %s/s  %s %s", shown, "#".repeat(filled), ".".repeat(WIDTH - filled),
                fraction * 100, size(done), size(total), size((long) rate), eta, note).stripTrailing();
    }

    private static String line(Bar bar) {
        double seconds = ((bar.finishedAt != 0 ? bar.finishedAt : System.nanoTime()) - bar.startedAt) / 1e9;
        return line(bar.name, bar.total, bar.done.get(), bar.done.get() - bar.startedWith, seconds, bar.note);
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        return bytes < 1024L * 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }

    @Override
    public void close() {
        painter.interrupt();
        paint();
    }
}
