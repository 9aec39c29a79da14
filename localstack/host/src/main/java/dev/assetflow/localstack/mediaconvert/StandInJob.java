package dev.assetflow.localstack.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs one job of the stand-in with ffmpeg: downloads the input, makes what each output group asks for
 * (HLS group: an fMP4 media playlist per output and the multivariant playlist; file group: an MP4 or
 * numbered frame captures), uploads it where the group's destination says, and reports PROGRESSING,
 * STATUS_UPDATE after each group, and COMPLETE with {@code outputGroupDetails}, or ERROR with MediaConvert's
 * code for an input it cannot open (1010).
 */
final class StandInJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StandInJob.class);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(20);

    /** A job as the stand-in keeps it: what GetJob and ListJobs answer. */
    static final class Record {
        final String id;
        final String arn;
        final String queue;
        final JsonNode request;
        final Instant createdAt = Instant.now();
        volatile String status = "SUBMITTED";
        volatile int percentComplete;
        volatile Integer errorCode;
        volatile String errorMessage;
        volatile boolean cancelRequested;

        Record(String id, String arn, String queue, JsonNode request) {
            this.id = id;
            this.arn = arn;
            this.queue = queue;
            this.request = request;
        }

        String id() { return id; }
        String arn() { return arn; }
        String queue() { return queue; }
        JsonNode request() { return request; }

        /** The Job shape of GetJob, CreateJob and ListJobs (timestamps in epoch seconds, as MediaConvert sends them). */
        ObjectNode toJson() {
            ObjectNode job = Json.mapper().createObjectNode();
            job.put("id", id).put("arn", arn).put("queue", queue).put("status", status)
                    .put("role", request.path("role").asText()).put("createdAt", createdAt.getEpochSecond())
                    .put("jobPercentComplete", percentComplete);
            job.set("settings", request.path("settings").deepCopy());
            job.set("userMetadata", request.path("userMetadata").deepCopy());
            if (errorCode != null) {
                job.put("errorCode", errorCode).put("errorMessage", errorMessage);
            }
            return job;
        }
    }

    /** What ends a job in ERROR: MediaConvert's code and message. */
    static final class JobError extends RuntimeException {
        final int code;

        JobError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final Record job;
    private final S3Client s3;
    private final JobEvents events;
    private final Tools tools;
    private final StandInFaults faults;

    StandInJob(Record job, S3Client s3, JobEvents events, Tools tools, StandInFaults faults) {
        this.job = job;
        this.s3 = s3;
        this.events = events;
        this.tools = tools;
        this.faults = faults;
    }

    /** The ffmpeg and ffprobe the stand-in runs (the project's own, from .venv). */
    record Tools(Path ffmpeg, Path ffprobe) {}

    @Override
    public void run() {
        faults.waitWhileHeld(job);
        synchronized (job) {
            if (job.cancelRequested) {
                cancelled();
                return;
            }
            job.status = "PROGRESSING";
        }
        events.emit(job, "PROGRESSING", detail -> { });
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mediaconvert-" + job.id + "-");
            faults.failIfInjected();
            Path input = download(job.request.path("settings").path("inputs").path(0).path("fileInput").asText(), dir);
            boolean inputHasAudio = Probe.of(tools, input).hasAudio();
            JsonNode groups = job.request.path("settings").path("outputGroups");
            ArrayNode details = Json.mapper().createArrayNode();
            for (int i = 0; i < groups.size(); i++) {
                if (job.cancelRequested) {
                    cancelled();
                    return;
                }
                details.add(new OutputGroupRun(groups.get(i), input, inputHasAudio, dir.resolve("group-" + i), tools, s3).run());
                job.percentComplete = (i + 1) * 100 / (groups.size() + 1);
                int percent = job.percentComplete;
                events.emit(job, "STATUS_UPDATE", detail -> detail.putObject("jobProgress").put("jobPercentComplete", percent)
                        .put("currentPhase", "TRANSCODING"));
            }
            job.percentComplete = 100;
            job.status = "COMPLETE";
            events.emit(job, "COMPLETE", detail -> detail.set("outputGroupDetails", details));
        } catch (JobError e) {
            error(e.code, e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.warn("stand-in job {} failed", job.id, e);
            error(3450, "the local stand-in failed: " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    private void error(int code, String message) {
        job.status = "ERROR";
        job.errorCode = code;
        job.errorMessage = message;
        events.emit(job, "ERROR", detail -> detail.put("errorCode", code).put("errorMessage", message));
    }

    private void cancelled() {
        job.status = "CANCELED";
        events.emit(job, "CANCELED", detail -> { });
    }

    private Path download(String uri, Path dir) {
        S3Uri location = S3Uri.parse(uri);
        Path target = dir.resolve("input");
        try {
            s3.getObject(b -> b.bucket(location.bucket()).key(location.key()), target);
        } catch (SdkException e) {
            throw new JobError(1010, "Unable to open input file [" + uri + "]: [Failed probe/open: [" + e.getMessage() + "]]");
        }
        return target;
    }

    static void run(List<String> command, Path workDirectory, String what) {
        try {
            Files.createDirectories(workDirectory);
            Path log = workDirectory.resolve("ffmpeg.log");
            Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new JobError(3450, what + ": timed out after " + STEP_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                throw new JobError(1010, what + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobError(3450, what + ": interrupted");
        }
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}", dir, e);
        }
    }

    /** An {@code s3://bucket/key} location. */
    record S3Uri(String bucket, String key) {
        static S3Uri parse(String uri) {
            if (!uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
                throw new JobError(1010, "Unable to open input file [" + uri + "]: not an s3:// location");
            }
            int slash = uri.indexOf('/', 5);
            return new S3Uri(uri.substring(5, slash), uri.substring(slash + 1));
        }

        String uri() {
            return "s3://" + bucket + "/" + key;
        }
    }

    /** What the stand-in needs to know of an input: its picture size and whether it has sound. */
    record Probe(int width, int height, boolean hasAudio) {
        static Probe of(Tools tools, String input) {
            try {
                Process process = new ProcessBuilder(tools.ffprobe().toString(), "-v", "error", "-show_entries",
                        "stream=codec_type,width,height", "-of", "json", input).redirectErrorStream(false).start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new JobError(1010, "Unable to open input file: [Failed probe/open: ffprobe cannot read it]");
                }
                int width = 0;
                int height = 0;
                boolean audio = false;
                for (JsonNode stream : Json.mapper().readTree(out).path("streams")) {
                    if ("video".equals(stream.path("codec_type").asText()) && width == 0) {
                        width = stream.path("width").asInt();
                        height = stream.path("height").asInt();
                    }
                    audio |= "audio".equals(stream.path("codec_type").asText());
                }
                if (width == 0) {
                    throw new JobError(1010, "Unable to open input file: [Failed probe/open: no video stream]");
                }
                return new Probe(width, height, audio);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobError(3450, "interrupted while probing");
            }
        }

        static Probe of(Tools tools, Path input) {
            return of(tools, input.toAbsolutePath().toString());
        }
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
