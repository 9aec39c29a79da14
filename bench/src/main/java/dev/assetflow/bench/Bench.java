package dev.assetflow.bench;

import dev.assetflow.media.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the benchmarks share: an empty work directory per run, running ffmpeg, and medians. */
final class Bench {

    private Bench() {
    }

    static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void exec(ProcessRunner runner, List<String> command, Path dir, Duration timeout) {
        ProcessRunner.Result result = runner.run(command, dir, timeout);
        if (!result.succeeded()) {
            throw new IllegalStateException("ffmpeg failed: " + result.lastErrorLine());
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
