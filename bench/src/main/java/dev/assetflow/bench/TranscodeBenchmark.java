package dev.assetflow.bench;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.video.LadderPlanner;
import dev.assetflow.domain.video.EncodeEstimate;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.VideoRenderer;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.videoworker.VideoRenditions;
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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times, on one generated camera-like 1080p clip and with the same encoder settings:
 * (a) the pipeline's video worker producing the ladder (its renderer, as the worker runs it),
 * (b) the same single ffmpeg process run raw (split filter, one decode),
 * (c) one raw ffmpeg process per rung (one decode per rung).
 * Runs are interleaved (a, b, c, a, b, c, ...) so background noise hits all three alike, and the
 * medians and the ratios a/b and a/c are printed. Run: ./scripts/bench-transcode [seconds] [runs]
 */
public final class TranscodeBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private TranscodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MediaTools tools = MediaTools.fromVenv();
        ProcessRunner runner = new ProcessRunner();
        Path work = Files.createDirectories(Path.of("target", "bench-transcode").toAbsolutePath());
        Path source = new SampleMedia(tools).cameraVideo(work.resolve("source-1080p.mp4"), seconds);

        ProfileCatalog profiles = ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json"));
        VideoProfile profile = profiles.video("video-abr").orElseThrow();
        VideoRenderer renderer = new VideoRenderer(tools, runner);
        VideoRenditions worker = VideoRenditions.inThisProcess(new MediaProbe(tools, runner), renderer, profiles, 3600, 4096L * 2304);
        WorkMessage message = new WorkMessage(1, AssetId.random().value(), "video", "video/mp4",
                new SourceObject("bench", "source-1080p.mp4", "e", null, Files.size(source)),
                new RouteInfo(Priority.STANDARD, "video", profile.name(), null, 0), null, Instant.now());
        Asset asset = Asset.received(new AssetId(message.assetId()), message.source(), "video/mp4", Instant.now(), "bench");
        RenditionPlan plan = worker.plan(asset, message, source);
        List<RenditionPlan.Planned> ladderOnly = plan.renditions().stream().filter(p -> p.name().startsWith("hls/")
                && !p.name().equals("hls/master")).toList();
        List<LadderRung> ladder = LadderPlanner.plan(profile, new SourceVideo(1920, 1080, seconds, 25, true));
        VideoRenderer.Job job = new VideoRenderer.Job(ladder, profile.segmentSeconds(), profile.x264Preset(), Optional.of(0),
                profile.audioKbps(), Optional.empty(), Optional.empty());

        System.out.printf(Locale.ROOT, "Transcode benchmark: %d s camera-like 1080p25 source (H.264 High 16 Mbit/s with grain, AAC), "
                + "ladder %s, x264 preset %s, %d runs each, %d cores%n",
                seconds, ladder.stream().map(LadderRung::name).toList(), profile.x264Preset(), runs,
                Runtime.getRuntime().availableProcessors());
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> bCpu = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            a.add(time(() -> worker.produce(plan, ladderOnly, source, Bench.fresh(work.resolve("a")), TIMEOUT)));
            double cpuBefore = ChildCpu.seconds();
            b.add(time(() -> Bench.exec(runner, renderer.command(source, job, Bench.fresh(work.resolve("b"))), work, TIMEOUT)));
            bCpu.add(ChildCpu.seconds() - cpuBefore);
            c.add(time(() -> {
                Path out = Bench.fresh(work.resolve("c"));
                for (LadderRung rung : ladder) {
                    Bench.exec(runner, renderer.singleRungCommand(source, job, rung, out), work, TIMEOUT);
                }
            }));
            System.out.printf(Locale.ROOT, "  run %d: a %.2f s, b %.2f s, c %.2f s%n", run, a.get(run - 1), b.get(run - 1), c.get(run - 1));
        }
        double ma = Bench.median(a);
        double mb = Bench.median(b);
        double mc = Bench.median(c);
        System.out.printf(Locale.ROOT, "%nmedian (a) pipeline video worker, one process:  %7.2f s%n", ma);
        System.out.printf(Locale.ROOT, "median (b) raw ffmpeg, same split-filter ladder: %7.2f s%n", mb);
        System.out.printf(Locale.ROOT, "median (c) raw ffmpeg, one process per rung:     %7.2f s%n", mc);
        System.out.printf(Locale.ROOT, "a/b = %.3f  (target <= 1.05: the worker adds nothing to ffmpeg)%n", ma / mb);
        System.out.printf(Locale.ROOT, "a/c = %.3f  (target <= 0.75: one decode beats one decode per rung)%n", ma / mc);
        // the cost model's calibration (EncodeEstimate): output pixels one CPU-second encodes, in veryfast terms
        EncodeEstimate perPixel = EncodeEstimate.of(ladder, new SourceVideo(1920, 1080, seconds, 25, true), profile.x264Preset(), 1);
        double cpu = Bench.median(bCpu);
        System.out.printf(Locale.ROOT, "%ncalibration: (b) used %.2f CPU-s for %d frames x %d output pixels at %s: %.3e veryfast-equivalent"
                        + " output pixels per CPU-second%n  (profiles.json, video profile field encodePixelsPerCpuSecond; now %.3e)%n",
                cpu, perPixel.frames(), perPixel.outputPixelsPerFrame(), profile.x264Preset(), perPixel.cpuSeconds() / cpu,
                profile.encodePixelsPerCpuSecond());
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

}
