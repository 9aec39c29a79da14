package dev.assetflow.audioworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.audio.AudioProfile;
import dev.assetflow.domain.audio.Waveform;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.AudioRenderer;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Audio: an AAC rendition and a waveform (peaks as JSON, and an image), from one decode. */
final class AudioRenditions implements Renderer {
    static final String AAC = "aac";
    static final String WAVEFORM = "waveform";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final MediaProbe probe;
    private final AudioRenderer renderer;
    private final ProfileCatalog profiles;
    private final double maxDurationSeconds;

    AudioRenditions(MediaProbe probe, AudioRenderer renderer, ProfileCatalog profiles, double maxDurationSeconds) {
        this.probe = probe;
        this.renderer = renderer;
        this.profiles = profiles;
        this.maxDurationSeconds = maxDurationSeconds;
    }

    @Override
    public RenditionPlan plan(Asset asset, WorkMessage work, Path source) {
        AudioProfile profile = profile(work.route().profile());
        MediaInfo info = probe(source);
        double duration = info.durationSeconds();
        return new RenditionPlan(profile.name(), profile.version(), List.of(
                new RenditionPlan.Planned(AAC, "audio/mp4", null, null, duration).withDefinition("aac " + profile.aacKbps() + " kbps"),
                new RenditionPlan.Planned(WAVEFORM, "application/json", profile.waveformWidth(), profile.waveformHeight(), duration)
                        .withDefinition("waveform " + profile.waveformPeaks() + " peaks " + profile.waveformWidth() + "x"
                                + profile.waveformHeight())
                        .asOptional()),
                info.summary());
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft) {
        AudioProfile profile = profile(plan.profile());
        // both outputs come from the same decode: cheaper to redo both than to decode twice
        AudioRenderer.Outputs outputs = renderer.render(source, 0, profile.aacKbps(), profile.waveformWidth(),
                profile.waveformHeight(), dir, timeLeft);
        List<ProducedRendition> produced = new ArrayList<>();
        for (RenditionPlan.Planned planned : missing) {
            if (planned.name().equals(AAC)) {
                produced.add(new ProducedRendition(planned, Map.of("audio.m4a", outputs.aac()), "audio.m4a"));
            } else {
                Waveform waveform = Waveform.of(outputs.peakSamples(), AudioRenderer.PEAK_SAMPLE_RATE, profile.waveformPeaks());
                Path json = write(dir.resolve("waveform.json"), Json.write(waveform));
                produced.add(new ProducedRendition(planned, Map.of("waveform/waveform.json", json,
                        "waveform/waveform.png", outputs.waveformImage()), "waveform/waveform.json"));
            }
        }
        return produced;
    }

    private MediaInfo probe(Path source) {
        MediaInfo info = probe.probeMedia(source.toString(), source.getParent(), PROBE_TIMEOUT);
        if (info.audio().isEmpty()) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, "it has no audio stream (" + info.format() + ")"));
        }
        if (info.durationSeconds() <= 0) {
            throw new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA,
                    "ffprobe reads no duration from it: the file is truncated or corrupt"));
        }
        if (info.durationSeconds() > maxDurationSeconds) {
            throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, String.format(Locale.ROOT,
                    "the audio lasts %.0f s; this worker takes up to %.0f s", info.durationSeconds(), maxDurationSeconds)));
        }
        return info;
    }

    private AudioProfile profile(String name) {
        return profiles.audio(name).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no audio profile named '" + name + "'")));
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
