package dev.assetflow.bench;

import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.video.ChunkResult;
import dev.assetflow.domain.video.EncodeEstimate;
import dev.assetflow.domain.video.HlsMediaPlaylist;
import dev.assetflow.domain.video.LadderPlanner;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.ChunkRenderer;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.VideoRenderer;
import dev.assetflow.runtime.config.ConfigText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What chunking costs and gains, on a camera-like 1080p source (issue 15's benchmark, before the
 * segmented path is wired): (a) the one-invocation ladder pinned to one core, wall and CPU; (b) the same
 * ladder as chunks on the segment grid, one worker pinned to one core: CPU b/a is the cost of chunking;
 * (c) two workers each pinned to its own core: wall c/a is the gain of parallel chunks; (d) a
 * critical-path model of the deployed path from the measured chunk time, split and assembly, with its
 * inputs printed. Video only on both sides (the segmented path encodes audio once, apart).
 * Run: ./scripts/bench-segmented [source seconds, default 120] [chunk seconds, default 24]
 */
public final class SegmentedBenchmark {
    private static final Duration TIMEOUT = Duration.ofHours(1);
    /** Model inputs that are not measured here: the deployed worker and what an invocation costs around ffmpeg. */
    private static final int WORKER_MEMORY_MB = 3008;
    private static final double INVOCATION_OVERHEAD_SECONDS = 3.0; // start-up, range reads, uploads (Cold start: 2.2 s)
    private static final double SPLIT_SECONDS = 1.0; // probe and one SendMessageBatch per 10 chunks

    private SegmentedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int chunkSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        MediaTools tools = MediaTools.fromVenv();
        ProcessRunner runner = new ProcessRunner();
        Path work = Files.createDirectories(Path.of("target", "bench-segmented").toAbsolutePath());
        Path source = work.resolve("source-1080p-" + seconds + "s.mp4");
        if (!Files.exists(source)) { // made once, then reused: it takes minutes; moved in whole, never half-written
            System.out.printf(Locale.ROOT, "making a %d s camera-like 1080p source...%n", seconds);
            Path making = new SampleMedia(tools).cameraVideo(work.resolve("making-" + source.getFileName()), seconds);
            Files.move(making, source, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        VideoProfile profile = ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")).video("video-abr").orElseThrow();
        int segment = profile.segmentSeconds();
        if (chunkSeconds % segment != 0) {
            throw new IllegalArgumentException("chunk seconds must be a multiple of the " + segment + " s segment");
        }
        List<LadderRung> ladder = LadderPlanner.plan(profile, new SourceVideo(1920, 1080, seconds, 25, false));
        System.out.printf(Locale.ROOT, "Segmented benchmark: %d s camera-like 1080p25 source, ladder %s, preset %s, %d s segments,"
                + " %d s chunks, %d cores%n", seconds, ladder.stream().map(LadderRung::name).toList(), profile.x264Preset(),
                segment, chunkSeconds, Runtime.getRuntime().availableProcessors());

        VideoRenderer whole = new VideoRenderer(tools, runner);
        VideoRenderer.Job job = new VideoRenderer.Job(ladder, segment, profile.x264Preset(), Optional.empty(), profile.audioKbps(),
                Optional.empty(), Optional.empty());
        Measured a = measure(() -> Bench.exec(runner, pinned(0, whole.command(source, job, Bench.fresh(work.resolve("a")))), work, TIMEOUT));
        System.out.printf(Locale.ROOT, "(a) one invocation, one core:   %7.1f s wall, %7.1f CPU-s%n", a.wall(), a.cpu());

        ChunkRenderer chunker = new ChunkRenderer(tools, runner);
        List<ChunkRenderer.ChunkJob> chunks = chunks(ladder, profile, seconds, chunkSeconds);
        List<Double> chunkWalls = Collections.synchronizedList(new ArrayList<>());
        Path b = Bench.fresh(work.resolve("b"));
        Measured one = measure(() -> runChunks(chunker, runner, source, chunks, b, 1, chunkWalls));
        System.out.printf(Locale.ROOT, "(b) %d chunks, one worker:     %7.1f s wall, %7.1f CPU-s%n", chunks.size(), one.wall(), one.cpu());
        Path c = Bench.fresh(work.resolve("c"));
        Measured two = measure(() -> runChunks(chunker, runner, source, chunks, c, 2, new ArrayList<>()));
        System.out.printf(Locale.ROOT, "(c) %d chunks, two workers:    %7.1f s wall, %7.1f CPU-s%n", chunks.size(), two.wall(), two.cpu());

        int frames = checkJoined(tools, runner, c, chunks, ladder.get(ladder.size() - 1).name(), work);
        System.out.printf(Locale.ROOT, "    joined %s variant: %d frames (the source has %d)%n", ladder.get(ladder.size() - 1).name(),
                frames, seconds * 25);
        String fallbackRung = LadderPlanner.fallback(ladder, profile.fallbackMaxShortSide()).name();
        Path joinedFallback = join(c, chunks, fallbackRung, work.resolve("joined"));
        Measured assembly = measure(() -> whole.remuxToMp4(joinedFallback, Optional.empty(), work.resolve("fallback.mp4"), TIMEOUT));

        System.out.printf(Locale.ROOT, "%nCPU b/a  = %.3f  (goal <= 1.10: what cutting into chunks costs)%n", one.cpu() / a.cpu());
        System.out.printf(Locale.ROOT, "wall b/a = %.3f  (one worker, one core each)%n", one.wall() / a.wall());
        System.out.printf(Locale.ROOT, "wall c/a = %.3f  (goal <= 0.55 with two workers)%n", two.wall() / a.wall());

        double perSourceSecond = Bench.median(chunkWalls) / chunkSeconds; // one core
        double vcpus = WORKER_MEMORY_MB / 1769.0;
        double fourK = ladderPixels(profile, 3840, 2160) / (double) ladderPixels(profile, 1920, 1080);
        double assemblyPerSourceSecond = assembly.wall() / seconds;
        System.out.printf(Locale.ROOT, "%n(d) model inputs: chunk of %d s of 1080p on one core %.1f s (median of %d), %d MB workers"
                        + " = %.2f vCPU, per-invocation overhead %.1f s, split %.1f s, assembly (MP4 remux of %s) %.3f s per"
                        + " source second, 4K ladder / 1080p ladder pixels %.2f%n",
                chunkSeconds, Bench.median(chunkWalls), chunkWalls.size(), WORKER_MEMORY_MB, vcpus, INVOCATION_OVERHEAD_SECONDS,
                SPLIT_SECONDS, fallbackRung, assemblyPerSourceSecond, fourK);
        for (int workers : new int[] {100, 1000}) {
            System.out.printf(Locale.ROOT, "    1 h 1080p,  %4d workers: %6.0f s (goal < 60 s at 1,000)%n", workers,
                    projected(3600, 1.0, workers, chunkSeconds, perSourceSecond, vcpus, assemblyPerSourceSecond));
            System.out.printf(Locale.ROOT, "    30 min 4K,  %4d workers: %6.0f s (goal < 300 s at 100)%n", workers,
                    projected(1800, fourK, workers, chunkSeconds, perSourceSecond, vcpus, assemblyPerSourceSecond));
        }
    }

    /** Split, then as many waves of chunks as the workers need, then assembly (the MP4 remux dominates it). */
    static double projected(double duration, double costFactor, int workers, int chunkSeconds, double perSourceSecond,
            double vcpus, double assemblyPerSourceSecond) {
        int chunks = (int) Math.ceil(duration / chunkSeconds);
        int waves = (int) Math.ceil(chunks / (double) workers);
        double chunkWall = chunkSeconds * perSourceSecond * costFactor / vcpus + INVOCATION_OVERHEAD_SECONDS;
        return SPLIT_SECONDS + waves * chunkWall + duration * assemblyPerSourceSecond;
    }

    private static long ladderPixels(VideoProfile profile, int width, int height) {
        return EncodeEstimate.of(LadderPlanner.plan(profile, new SourceVideo(width, height, 1, 1, false)), new SourceVideo(width, height,
                1, 1, false), profile.x264Preset(), 1).outputPixelsPerFrame();
    }

    private static List<ChunkRenderer.ChunkJob> chunks(List<LadderRung> ladder, VideoProfile profile, int seconds, int chunkSeconds) {
        List<ChunkRenderer.ChunkJob> chunks = new ArrayList<>();
        int perChunk = chunkSeconds / profile.segmentSeconds();
        for (int start = 0; start < seconds; start += chunkSeconds) {
            chunks.add(new ChunkRenderer.ChunkJob(ladder, profile.segmentSeconds(), profile.x264Preset(), start,
                    Math.min(seconds, start + chunkSeconds), chunks.size() * perChunk));
        }
        return chunks;
    }

    /** {@code workers} threads, worker i pinned to core i, taking chunks in order from one queue. */
    private static void runChunks(ChunkRenderer chunker, ProcessRunner runner, Path source, List<ChunkRenderer.ChunkJob> chunks,
            Path out, int workers, List<Double> chunkWalls) throws Exception {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < chunks.size(); i++) {
            queue.add(i);
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int worker = 0; worker < workers; worker++) {
            int core = worker;
            threads.add(Thread.ofPlatform().start(() -> {
                for (Integer index = queue.poll(); index != null && failures.isEmpty(); index = queue.poll()) {
                    long started = System.nanoTime();
                    try {
                        Bench.exec(runner, pinned(core, chunker.command(source.toString(), chunks.get(index), out.resolve("chunk-" + index))), out, TIMEOUT);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    chunkWalls.add((System.nanoTime() - started) / 1e9);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(TIMEOUT.toMillis());
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a chunk failed", failures.get(0));
        }
    }

    /** One variant from its chunks, as fan-in will write it: the first chunk's init, every segment, the playlist. */
    static Path join(Path chunksDir, List<ChunkRenderer.ChunkJob> chunks, String rung, Path joinedRoot) throws Exception {
        Path out = Bench.fresh(joinedRoot.resolve(rung));
        List<ChunkResult.Segment> segments = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Path dir = chunksDir.resolve("chunk-" + i).resolve(rung);
            if (i == 0) {
                Files.copy(dir.resolve("init.mp4"), out.resolve("init.mp4"));
            }
            for (ChunkResult.Segment segment : HlsMediaPlaylist.segmentsOf(Files.readString(dir.resolve("index.m3u8")))) {
                Files.copy(dir.resolve(HlsMediaPlaylist.name(segment.sequence())), out.resolve(HlsMediaPlaylist.name(segment.sequence())));
                segments.add(segment);
            }
        }
        Files.writeString(out.resolve("index.m3u8"), HlsMediaPlaylist.of(segments));
        return out;
    }

    private static int checkJoined(MediaTools tools, ProcessRunner runner, Path chunksDir, List<ChunkRenderer.ChunkJob> chunks,
            String rung, Path work) throws Exception {
        Path joined = join(chunksDir, chunks, rung, work.resolve("joined"));
        return new MediaProbe(tools, runner).countFrames(joined.resolve("index.m3u8"), TIMEOUT);
    }

    private static List<String> pinned(int core, List<String> command) {
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core)));
        pinned.addAll(command);
        return pinned;
    }

    private interface Work {
        void run() throws Exception;
    }

    private record Measured(double wall, double cpu) {}

    private static Measured measure(Work work) throws Exception {
        double cpu = ChildCpu.seconds();
        long start = System.nanoTime();
        work.run();
        return new Measured((System.nanoTime() - start) / 1e9, ChildCpu.seconds() - cpu);
    }

}
