package dev.assetflow.audioworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.AudioRenderer;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRenditionsTest {
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final MediaProbe PROBE = new MediaProbe(TOOLS, new ProcessRunner());
    static final WorkMessage WORK = new WorkMessage(1, AssetId.random().value(), "audio", "audio/mpeg",
            new SourceObject("b", "k", "e", null, 1), new RouteInfo(Priority.STANDARD, "audio", "audio-aac", null, 2), null,
            Instant.now());

    @TempDir
    Path dir;

    @Test
    void anMp3BecomesAacAndAWaveform() throws Exception {
        Path source = new SampleMedia(TOOLS).audio(dir.resolve("song.mp3"), 5);
        AudioRenditions renditions = renditions(3600);
        RenditionPlan plan = renditions.plan(asset(), WORK, source);
        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("aac", "waveform");

        List<ProducedRendition> produced = renditions.produce(plan, plan.renditions(), source, dir, TIMEOUT);

        MediaInfo aac = PROBE.probeMedia(produced.get(0).mainFile().toString(), dir, TIMEOUT);
        assertThat(aac.audio()).singleElement().satisfies(a -> assertThat(a.codec()).isEqualTo("aac"));
        assertThat(aac.durationSeconds()).isCloseTo(5.0, within(0.1));
        JsonNode peaks = Json.mapper().readTree(Files.readString(produced.get(1).mainFile()));
        assertThat(peaks.path("length").asInt()).isBetween(990, 1000);
        assertThat(peaks.path("data").size()).isEqualTo(2 * peaks.path("length").asInt());
        assertThat(peaks.path("sample_rate").asInt()).isEqualTo(4000);
        int loudest = 0;
        int quietest = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < peaks.path("data").size(); i += 2) {
            int peak = Math.max(Math.abs(peaks.path("data").get(i).asInt()), Math.abs(peaks.path("data").get(i + 1).asInt()));
            loudest = Math.max(loudest, peak);
            quietest = Math.min(quietest, peak);
        }
        assertThat(loudest).as("the tone is there").isGreaterThan(1000);
        assertThat(quietest).as("the waveform follows the rising and falling volume").isLessThan(loudest / 2);
        MediaInfo image = PROBE.probeMedia(produced.get(1).files().get("waveform/waveform.png").toString(), dir, TIMEOUT);
        assertThat(image.video().orElseThrow().width() + "x" + image.video().orElseThrow().height()).isEqualTo("1800x280");
    }

    @Test
    void aVideoWithoutSoundOrTooLongAudioIsRefused() {
        Path silent = new SampleMedia(TOOLS).video(dir.resolve("silent.mp4"), 1, 320, 240, 0, 0);
        assertThatThrownBy(() -> renditions(3600).plan(asset(), WORK, silent))
                .isInstanceOfSatisfying(FailureException.class, e -> assertThat(e.failure().reason()).contains("no audio stream"));
        Path song = new SampleMedia(TOOLS).audio(dir.resolve("long.wav"), 3);
        assertThatThrownBy(() -> renditions(2).plan(asset(), WORK, song))
                .isInstanceOfSatisfying(FailureException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED));
    }

    private static AudioRenditions renditions(double maxSeconds) {
        try {
            return new AudioRenditions(PROBE, new AudioRenderer(TOOLS, new ProcessRunner()),
                    ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")), maxSeconds);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Asset asset() {
        return Asset.received(new AssetId(WORK.assetId()), WORK.source(), "audio/mpeg", Instant.now(), "test");
    }
}
