package dev.assetflow.videoworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.video.HlsMasterPlaylist;
import dev.assetflow.domain.video.LadderPlanner;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.SourceVideo;
import dev.assetflow.domain.video.Storyboard;
import dev.assetflow.domain.video.VideoProfile;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.VideoRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Video: an ABR ladder as HLS (fMP4) with a master playlist, a progressive MP4 fallback, a poster and
 * a thumbnail sprite with its WebVTT storyboard. Limits (duration, pixels) are checked on the probe,
 * before anything is decoded; every rung, the poster and the sprite come from one ffmpeg process.
 */
public final class VideoRenditions implements Renderer {
    static final String MASTER = "hls/master";
    static final String POSTER = "poster";
    static final String STORYBOARD = "storyboard";
    private static final String HLS = "application/vnd.apple.mpegurl";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final MediaProbe probe;
    private final VideoRenderer renderer;
    private final ProfileCatalog profiles;
    private final double maxDurationSeconds;
    private final long maxPixels;

    public VideoRenditions(MediaProbe probe, VideoRenderer renderer, ProfileCatalog profiles, double maxDurationSeconds, long maxPixels) {
        this.probe = probe;
        this.renderer = renderer;
        this.profiles = profiles;
        this.maxDurationSeconds = maxDurationSeconds;
        this.maxPixels = maxPixels;
    }

    /** Everything derived from the probe and the profile; computed again by produce(), so it is the same. */
    private record Layout(VideoProfile profile, SourceVideo source, List<LadderRung> ladder, LadderRung fallback,
            VideoRenderer.Poster poster, Storyboard storyboard, boolean hasAudio, Map<String, Object> media) {}

    @Override
    public RenditionPlan plan(Asset asset, WorkMessage work, Path source) {
        Layout layout = layout(work.route().profile(), source);
        double duration = layout.source().durationSeconds();
        List<RenditionPlan.Planned> planned = new ArrayList<>();
        for (LadderRung rung : layout.ladder()) {
            planned.add(new RenditionPlan.Planned(hlsName(rung), HLS, rung.width(), rung.height(), duration));
        }
        LadderRung top = layout.ladder().get(0);
        planned.add(new RenditionPlan.Planned(MASTER, HLS, top.width(), top.height(), duration));
        planned.add(new RenditionPlan.Planned(mp4Name(layout.fallback()), "video/mp4", layout.fallback().width(),
                layout.fallback().height(), duration));
        planned.add(new RenditionPlan.Planned(POSTER, "image/jpeg", layout.poster().width(), layout.poster().height(), null).asOptional());
        planned.add(new RenditionPlan.Planned(STORYBOARD, "text/vtt", layout.storyboard().spriteWidth(),
                layout.storyboard().spriteHeight(), duration).asOptional());
        return new RenditionPlan(layout.profile().name(), layout.profile().version(), planned, layout.media());
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft) {
        Layout layout = layout(plan.profile(), source);
        Set<String> wanted = new LinkedHashSet<>();
        missing.forEach(p -> wanted.add(p.name()));
        String fallbackName = mp4Name(layout.fallback());
        List<LadderRung> encode = layout.ladder().stream()
                // the MP4 fallback is copied from its rung's segments, so that rung is encoded if either is missing
                .filter(r -> wanted.contains(hlsName(r)) || (r == layout.fallback() && wanted.contains(fallbackName)))
                .toList();
        boolean poster = wanted.contains(POSTER);
        boolean storyboard = wanted.contains(STORYBOARD);
        if (storyboard) {
            // refused before ffmpeg runs: it would fail the whole one-decode run for an optional output
            layout.storyboard().jpegProblem().ifPresent(problem -> {
                throw new FailureException(Failure.of(FailureCategory.CONFIGURATION, problem));
            });
        }
        VideoRenderer.Outputs outputs = encode.isEmpty() && !poster && !storyboard
                ? new VideoRenderer.Outputs(Map.of(), Optional.empty(), Optional.empty())
                : renderer.render(source, new VideoRenderer.Job(encode, layout.profile().segmentSeconds(),
                        layout.profile().x264Preset(), layout.hasAudio() ? Optional.of(0) : Optional.empty(),
                        layout.profile().audioKbps(), poster ? Optional.of(layout.poster()) : Optional.empty(),
                        storyboard ? Optional.of(layout.storyboard()) : Optional.empty()), dir, timeLeft);

        List<ProducedRendition> produced = new ArrayList<>();
        for (RenditionPlan.Planned planned : missing) {
            String name = planned.name();
            if (name.equals(MASTER)) {
                produced.add(new ProducedRendition(planned, Map.of("hls/master.m3u8", write(dir.resolve("master.m3u8"),
                        master(layout))), "hls/master.m3u8"));
            } else if (name.equals(fallbackName)) {
                Path mp4 = renderer.remuxToMp4(outputs.hls().get(layout.fallback().name()), dir.resolve("fallback.mp4"), timeLeft);
                produced.add(new ProducedRendition(planned, Map.of(name + ".mp4", mp4), name + ".mp4"));
            } else if (name.equals(POSTER)) {
                produced.add(new ProducedRendition(planned, Map.of("poster.jpg", outputs.poster().orElseThrow()), "poster.jpg"));
            } else if (name.equals(STORYBOARD)) {
                Path vtt = write(dir.resolve("storyboard.vtt"), layout.storyboard().webVtt("sprite.jpg"));
                produced.add(new ProducedRendition(planned, Map.of("storyboard/storyboard.vtt", vtt,
                        "storyboard/sprite.jpg", outputs.sprite().orElseThrow()), "storyboard/storyboard.vtt"));
            } else {
                String rung = name.substring("hls/".length());
                produced.add(new ProducedRendition(planned, files(outputs.hls().get(rung), name), name + "/index.m3u8"));
            }
        }
        return produced;
    }

    @Override
    public long workBytesEstimate(RenditionPlan plan, List<RenditionPlan.Planned> missing, long sourceBytes) {
        double seconds = plan.renditions().stream().mapToDouble(p -> p.durationSeconds() == null ? 0 : p.durationSeconds())
                .max().orElse(0);
        long kbps = profiles.video(plan.profile()).map(p -> p.rungs().stream().mapToLong(r -> r.maxKbps() + p.audioKbps()).sum())
                .orElse(0L);
        // every rung at its peak rate, twice for the fallback's copy, plus a margin for sprites and playlists
        return sourceBytes + (long) (seconds * kbps * 1000 / 8 * 2) + 50L * 1024 * 1024;
    }

    private Layout layout(String profileName, Path source) {
        VideoProfile profile = profiles.video(profileName).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no video profile named '" + profileName + "'")));
        MediaInfo info = probe.probeMedia(source.toString(), source.getParent(), PROBE_TIMEOUT);
        MediaInfo.VideoStream video = info.video().orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CORRUPT_MEDIA, "it has no video stream (" + info.format() + ")")));
        if (info.durationSeconds() <= 0 || video.width() < 2 || video.height() < 2) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA,
                    "ffprobe reads no duration or picture size from it: the file is truncated or corrupt"));
        }
        if (info.durationSeconds() > maxDurationSeconds) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, String.format(Locale.ROOT,
                    "the video lasts %.1f s; the in-function path takes up to %.0f s (longer video is for the MediaConvert path)",
                    info.durationSeconds(), maxDurationSeconds)));
        }
        if (video.pixels() > maxPixels) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, "the video is " + video.width() + "x"
                    + video.height() + "; the in-function path takes up to " + maxPixels + " pixels"));
        }
        double frameRate = video.frameRate() > 0 ? video.frameRate() : 30;
        SourceVideo sourceVideo = new SourceVideo(video.displayWidth(), video.displayHeight(), info.durationSeconds(),
                frameRate, !info.audio().isEmpty());
        List<LadderRung> ladder = LadderPlanner.plan(profile, sourceVideo);
        return new Layout(profile, sourceVideo, ladder, LadderPlanner.fallback(ladder, profile.fallbackMaxShortSide()),
                poster(profile, sourceVideo), Storyboard.plan(profile.storyboard(), sourceVideo), !info.audio().isEmpty(),
                info.summary());
    }

    private static VideoRenderer.Poster poster(VideoProfile profile, SourceVideo source) {
        int width = Math.min(source.displayWidth(), profile.poster().maxWidth()) & ~1;
        int height = Math.max(2, (int) Math.round((double) source.displayHeight() * width / source.displayWidth()) & ~1);
        return new VideoRenderer.Poster(source.durationSeconds() * profile.poster().atFraction(), Math.max(2, width), height);
    }

    private static String master(Layout layout) {
        return HlsMasterPlaylist.render(layout.ladder().stream()
                .map(rung -> HlsMasterPlaylist.of(rung, rung.name() + "/index.m3u8", layout.profile().audioKbps(),
                        layout.hasAudio(), layout.source().frameRate()))
                .toList());
    }

    static String hlsName(LadderRung rung) {
        return "hls/" + rung.name();
    }

    static String mp4Name(LadderRung rung) {
        return "mp4/" + rung.name();
    }

    /** An HLS variant's files, keyed under its rendition name. */
    private static Map<String, Path> files(Path rungDir, String name) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(rungDir)) {
            listing.sorted().forEach(file -> files.put(name + "/" + file.getFileName(), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
