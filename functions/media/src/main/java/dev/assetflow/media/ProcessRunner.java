package dev.assetflow.media;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool from an argument list (never through a shell, so no file name is ever interpreted),
 * with a deadline. Output goes to files in the job directory, so a chatty tool can never block on a
 * full pipe.
 */
public final class ProcessRunner {

    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The last non-empty line of stderr: usually the one that says what went wrong. */
        public String lastErrorLine() {
            String[] lines = stderr.strip().split("\\R");
            return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no message)" : lines[lines.length - 1].strip();
        }
    }

    public Result run(List<String> command, Path workDirectory, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(workDirectory, "tool-", ".out");
            err = Files.createTempFile(workDirectory, "tool-", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            return new Result(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            // never left beside the outputs: a directory of segments or thumbnails holds only those
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the job's directory is removed with everything in it
            }
        }
    }
}
