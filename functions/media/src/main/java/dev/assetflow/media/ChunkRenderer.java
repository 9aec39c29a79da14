package dev.assetflow.media;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.Storyboard;
import dev.assetflow.domain.video.VideoLayout.Poster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One chunk of a segmented video: every rung's segments for {@code [start, end)} of the source, from one
 * ffmpeg process that reads only that range (input seeking; over a presigned URL, range requests).
 * Chunks encoded apart join into one variant: timestamps stay absolute ({@code -copyts},
 * {@code -avoid_negative_ts disabled}, {@code movflags=+frag_discont} so each fragment's decode time is
 * where the chunk belongs), keyframes fall on the global segment grid, segments are numbered from the
 * chunk's first global index, and every chunk writes the same {@code init.mp4}, so one init serves the
 * whole variant (the recipe checked in shared/local-aws.md). Video only: audio is encoded once for the
 * whole source, which avoids an encoder-priming gap at every chunk boundary.
 */
public final class ChunkRenderer {
    private final MediaTools tools;
    private final ProcessRunner runner;

    private final StillFrames stills;

    public ChunkRenderer(MediaTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
        this.stills = new StillFrames(tools, runner);
    }

    /**
     * One chunk's work. {@code poster}: made by the chunk whose range holds its instant. {@code storyboard}:
     * the chunk makes the storyboard's thumbnails whose instants fall in its range, numbered globally, so
     * the assembly tiles every chunk's thumbnails into the one sprite.
     */
    public record ChunkJob(List<LadderRung> rungs, int segmentSeconds, String x264Preset, double startSeconds,
            double endSeconds, int firstSegment, Optional<Poster> poster, Optional<Storyboard> storyboard) {

        public ChunkJob(List<LadderRung> rungs, int segmentSeconds, String x264Preset, double startSeconds, double endSeconds,
                int firstSegment) {
            this(rungs, segmentSeconds, x264Preset, startSeconds, endSeconds, firstSegment, Optional.empty(), Optional.empty());
        }

        boolean makesPoster() {
            return poster.filter(p -> p.atSeconds() >= startSeconds && p.atSeconds() < endSeconds).isPresent();
        }

        /** Whether a thumbnail instant falls in this chunk's range (a chunk shorter than the interval may hold none). */
        boolean makesThumbnails() {
            return storyboard.filter(s -> StillFrames.hasThumbnails(s, startSeconds, endSeconds)).isPresent();
        }
    }

    /** Where a chunk's extras are, beside the rungs' directories. */
    public static final String POSTER_FILE = "poster.jpg";
    public static final String THUMBNAILS_DIRECTORY = "thumbnails";

    /** The file name of the storyboard thumbnail number {@code index}, as chunks write them and the assembly reads them. */
    public static String thumbnailName(int index) {
        return String.format(Locale.ROOT, "thumb_%05d.jpg", index);
    }

    /** @return each rung's directory holding {@code init.mp4}, its {@code seg_NNNNN.m4s} and a chunk playlist */
    public Map<String, Path> render(String sourceFileOrUrl, ChunkJob job, Path outputDirectory, Duration timeout) {
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = command(sourceFileOrUrl, job, outDir);
        Map<String, Path> directories = new LinkedHashMap<>();
        for (LadderRung rung : job.rungs()) {
            directories.put(rung.name(), outDir.resolve(rung.name()));
        }
        ProcessRunner.Result result = runner.run(command, outDir, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "ffmpeg did not finish the chunk "
                    + seconds(job.startSeconds()) + "-" + seconds(job.endSeconds()) + " s within " + timeout.toSeconds() + " s"));
        }
        if (!result.succeeded()) {
            String error = result.lastErrorLine().replace(sourceFileOrUrl, "the source");
            throw new FailureException(Failure.of(MediaProbe.remote(sourceFileOrUrl) && MediaProbe.readFailure(error) ? FailureCategory.TRANSIENT
                    : FailureCategory.CORRUPT_MEDIA, "ffmpeg could not transcode " + seconds(job.startSeconds()) + "-"
                    + seconds(job.endSeconds()) + " s of it: " + error));
        }
        decodeError(result.stderr()).ifPresent(error -> {
            // ffmpeg conceals damaged frames and exits 0; a chunk made from concealed frames would join into a
            // variant that plays garbage there, so the asset fails with the damaged range instead
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, "the video is damaged between "
                    + seconds(job.startSeconds()) + " s and " + seconds(job.endSeconds()) + " s: " + error));
        });
        Instant deadline = Instant.now().plus(timeout);
        if (job.makesPoster()) {
            stills.poster(stillInput(job, directories, job.poster().orElseThrow().width()), job.poster().orElseThrow(),
                    outDir.resolve(POSTER_FILE), Duration.between(Instant.now(), deadline));
        }
        if (job.makesThumbnails()) {
            stills.thumbnails(stillInput(job, directories, 0), job.storyboard().orElseThrow(), job.startSeconds(), job.endSeconds(),
                    outDir.resolve(THUMBNAILS_DIRECTORY), Duration.between(Instant.now(), deadline));
        }
        return directories;
    }

    /** The chunk's own playlist of the rung {@link VideoRenderer#stillRung} picks: a small stream to decode again. */
    private static String stillInput(ChunkJob job, Map<String, Path> directories, int width) {
        LadderRung rung = VideoRenderer.stillRung(job.rungs(), width).orElseThrow();
        return directories.get(rung.name()).resolve("index.m3u8").toString();
    }

    private static final Pattern DECODE_ERROR = Pattern.compile(
            "(?i)(invalid nal unit|error while decoding|invalid data found when processing input|missing picture|concealing \\d+)");

    /** The first line of ffmpeg's error output that reports damaged input it decoded around, if any. */
    static Optional<String> decodeError(String stderr) {
        return stderr == null ? Optional.empty() : stderr.lines().filter(line -> DECODE_ERROR.matcher(line).find())
                .map(line -> line.replaceFirst("^\\[[^]]*\\]\\s*", "").trim()).findFirst();
    }

    /** The one ffmpeg command line {@link #render} runs (public so the benchmark can time it, pinned to a core). */
    public List<String> command(String sourceFileOrUrl, ChunkJob job, Path outputDirectory) {
        Path outDir = outputDirectory.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-protocol_whitelist", MediaProbe.protocolWhitelist(sourceFileOrUrl),
                "-copyts", "-ss", seconds(job.startSeconds()), "-i", sourceFileOrUrl, "-filter_complex", VideoRenderer.ladderGraph(job.rungs())));
        for (int i = 0; i < job.rungs().size(); i++) {
            LadderRung rung = job.rungs().get(i);
            Path dir = VideoRenderer.directory(outDir.resolve(rung.name()));
            command.addAll(List.of("-map", "[v" + i + "]", "-an", "-to", seconds(job.endSeconds()),
                    "-avoid_negative_ts", "disabled", "-map_metadata", "-1", "-map_chapters", "-1"));
            command.addAll(VideoRenderer.x264(job.x264Preset(), rung, job.segmentSeconds()));
            command.addAll(List.of("-hls_segment_options", "movflags=+frag_discont", "-start_number", Integer.toString(job.firstSegment())));
            command.addAll(VideoRenderer.hls(job.segmentSeconds(), dir));
        }
        return command;
    }

    /** The whole source's sound as the HLS audio rendition: one process, no video decoded. */
    public Path renderAudio(String sourceFileOrUrl, int stream, int kbps, int segmentSeconds, Path outputDirectory, Duration timeout) {
        Path dir = VideoRenderer.directory(outputDirectory.toAbsolutePath().resolve(VideoRenderer.AUDIO_DIRECTORY));
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-protocol_whitelist", MediaProbe.protocolWhitelist(sourceFileOrUrl), "-i", sourceFileOrUrl));
        command.addAll(VideoRenderer.audioArguments(stream, kbps, segmentSeconds, dir));
        ProcessRunner.Result result = runner.run(command, dir, timeout);
        if (result.timedOut()) {
            throw new FailureException(Failure.of(FailureCategory.TRANSIENT, "ffmpeg did not finish the audio within "
                    + timeout.toSeconds() + " s"));
        }
        if (!result.succeeded()) {
            String error = result.lastErrorLine().replace(sourceFileOrUrl, "the source");
            throw new FailureException(Failure.of(MediaProbe.remote(sourceFileOrUrl) && MediaProbe.readFailure(error)
                    ? FailureCategory.TRANSIENT : FailureCategory.CORRUPT_MEDIA, "ffmpeg could not encode its audio: " + error));
        }
        return dir;
    }

    /** An instant as ffmpeg options take it: seconds with millisecond precision. */
    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
