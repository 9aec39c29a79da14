package dev.assetflow.videoworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.media.VideoRenderer;
import dev.assetflow.fixtures.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video renderer on real sources, every output probed with ffprobe. */
class VideoRenditionsTest {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final SampleMedia SAMPLES = new SampleMedia(TOOLS);
    static final MediaProbe PROBE = new MediaProbe(TOOLS, new ProcessRunner());
    static final WorkMessage WORK = new WorkMessage(1, AssetId.random().value(), "video", "video/mp4",
            new SourceObject("b", "k", "e", null, 1), new RouteInfo(Priority.STANDARD, "video", "video-abr", null, 1), null,
            Instant.now());

    @TempDir
    Path dir;

    private final VideoRenditions renditions = renditions(900, 4096L * 2304);

    @Test
    void aLandscape1080pVideoWithAudioGetsTheWholeLadderAndEveryExtra() throws Exception {
        Path source = SAMPLES.video(dir.resolve("landscape.mp4"), 4, 1920, 1080, 1, 0);
        RenditionPlan plan = renditions.plan(asset(), WORK, source);
        assertThat(names(plan)).containsExactly("hls/1080p", "hls/720p", "hls/480p", "hls/360p", "hls/audio", "hls/master",
                "mp4/720p", "poster", "storyboard");
        assertThat(plan.media().get("transcode")).as("the engine and its estimate are recorded on the asset")
                .isInstanceOfSatisfying(Map.class, transcode -> assertThat(transcode)
                        .containsEntry("engine", "one-invocation").containsKeys("estimateCpuSeconds", "budgetCpuSeconds", "reason"));

        Map<String, ProducedRendition> produced = produceAll(plan, source);

        for (String rung : List.of("1080p:1920x1080", "720p:1280x720", "480p:854x480", "360p:640x360")) {
            String[] parts = rung.split(":");
            MediaInfo variant = probe(produced.get("hls/" + parts[0]).files().get("hls/" + parts[0] + "/index.m3u8"));
            assertThat(variant.video().orElseThrow().width() + "x" + variant.video().orElseThrow().height()).isEqualTo(parts[1]);
            assertThat(variant.durationSeconds()).as(rung + " duration").isCloseTo(4.0, within(0.1));
            assertThat(variant.audio()).as("sound is the shared audio rendition, not in every variant").isEmpty();
            assertThat(produced.get("hls/" + parts[0]).files().keySet()).contains("hls/" + parts[0] + "/init.mp4")
                    .anyMatch(key -> key.endsWith(".m4s"));
        }
        MediaInfo audio = probe(produced.get("hls/audio").files().get("hls/audio/index.m3u8"));
        assertThat(audio.video()).isEmpty();
        assertThat(audio.audio()).singleElement().satisfies(a -> assertThat(a.codec()).isEqualTo("aac"));
        assertThat(audio.durationSeconds()).isCloseTo(4.0, within(0.1));
        String master = Files.readString(produced.get("hls/master").files().get("hls/master.m3u8"));
        assertThat(master).contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\"", "URI=\"audio/index.m3u8\"");
        List<String> uris = master.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        assertThat(uris).containsExactly("1080p/index.m3u8", "720p/index.m3u8", "480p/index.m3u8", "360p/index.m3u8");
        for (String uri : uris) {
            assertThat(produced.get("hls/" + uri.substring(0, uri.indexOf('/'))).files()).containsKey("hls/" + uri);
        }
        assertThat(streamInfo(master)).hasSize(4).allSatisfy(attributes -> assertThat(attributes)
                .containsKeys("BANDWIDTH", "RESOLUTION", "CODECS", "FRAME-RATE", "AUDIO")
                .hasEntrySatisfying("CODECS", codecs -> assertThat(codecs).matches("\"avc1\\.6400[0-9a-f]{2},mp4a\\.40\\.2\"")));

        MediaInfo mp4 = probe(produced.get("mp4/720p").files().get("mp4/720p.mp4"));
        assertThat(mp4.format()).contains("mp4");
        assertThat(mp4.video().orElseThrow().codec()).isEqualTo("h264");
        assertThat(mp4.video().orElseThrow().width()).isEqualTo(1280);
        assertThat(mp4.audio()).as("the fallback carries the sound").hasSize(1);
        assertThat(mp4.durationSeconds()).isCloseTo(4.0, within(0.1));

        MediaInfo poster = probe(produced.get("poster").files().get("poster.jpg"));
        assertThat(poster.video().orElseThrow().width() + "x" + poster.video().orElseThrow().height()).isEqualTo("1280x720");
        MediaInfo sprite = probe(produced.get("storyboard").files().get("storyboard/sprite.jpg"));
        assertThat(sprite.video().orElseThrow().width()).isEqualTo(320); // 2 thumbnails of 160 for 4 s at one per 2 s
        assertThat(sprite.video().orElseThrow().height()).isEqualTo(90);
        String vtt = Files.readString(produced.get("storyboard").files().get("storyboard/storyboard.vtt"));
        assertThat(vtt).startsWith("WEBVTT").contains("sprite.jpg#xywh=0,0,160,90", "sprite.jpg#xywh=160,0,160,90");
    }

    @Test
    void portraitVideoIsLaidOutOnItsShortSide() {
        Path source = SAMPLES.video(dir.resolve("portrait.mp4"), 2, 720, 1280, 1, 0);
        Map<String, ProducedRendition> produced = produceAll(renditions.plan(asset(), WORK, source), source);
        assertThat(size(produced, "hls/720p")).isEqualTo("720x1280");
        assertThat(size(produced, "hls/360p")).isEqualTo("360x640");
        assertThat(produced).doesNotContainKey("hls/1080p");
    }

    @Test
    void aTinySourceGetsOneRungAtItsOwnSize() {
        Path source = SAMPLES.video(dir.resolve("tiny.mp4"), 2, 160, 120, 1, 0);
        RenditionPlan plan = renditions.plan(asset(), WORK, source);
        assertThat(names(plan)).containsExactly("hls/120p", "hls/audio", "hls/master", "mp4/120p", "poster", "storyboard");
        assertThat(size(produceAll(plan, source), "hls/120p")).isEqualTo("160x120");
    }

    @Test
    void aTinySourcesStoryboardIsNotUpscaled() throws Exception {
        Path source = SAMPLES.video(dir.resolve("icon.mp4"), 2, 64, 64, 0, 0);
        Map<String, ProducedRendition> produced = produceAll(renditions.plan(asset(), WORK, source), source);
        MediaInfo sprite = probe(produced.get("storyboard").files().get("storyboard/sprite.jpg"));
        assertThat(sprite.video().orElseThrow().width() + "x" + sprite.video().orElseThrow().height()).isEqualTo("64x64");
        assertThat(Files.readString(produced.get("storyboard").files().get("storyboard/storyboard.vtt")))
                .contains("sprite.jpg#xywh=0,0,64,64");
    }

    @Test
    void aNearly720pSourceKeepsItsOwnSizeAsTheTopRung() {
        Path source = SAMPLES.video(dir.resolve("nearly-720p.mp4"), 2, 1278, 718, 1, 0);
        RenditionPlan plan = renditions.plan(asset(), WORK, source);
        assertThat(names(plan)).startsWith("hls/718p", "hls/480p", "hls/360p");
        assertThat(size(produceAll(plan, source), "hls/718p")).isEqualTo("1278x718");
    }

    @Test
    void oddDimensionsBecomeEven() {
        Path source = SAMPLES.video(dir.resolve("odd.mp4"), 2, 641, 361, 1, 0);
        Map<String, ProducedRendition> produced = produceAll(renditions.plan(asset(), WORK, source), source);
        assertThat(size(produced, "hls/360p")).isEqualTo("640x360");
    }

    @Test
    void rotationMetadataIsHonouredAndNotCarriedOver() {
        Path source = SAMPLES.video(dir.resolve("rotated.mp4"), 2, 640, 360, 1, 90);
        assertThat(PROBE.probeMedia(source.toString(), dir, TIMEOUT).video().orElseThrow().rotationDegrees()).isEqualTo(90);
        Map<String, ProducedRendition> produced = produceAll(renditions.plan(asset(), WORK, source), source);
        MediaInfo variant = probe(produced.get("hls/360p").mainFile());
        assertThat(variant.video().orElseThrow().width() + "x" + variant.video().orElseThrow().height()).isEqualTo("360x640");
        assertThat(variant.video().orElseThrow().rotationDegrees()).isZero();
        MediaInfo poster = probe(produced.get("poster").mainFile());
        assertThat(poster.video().orElseThrow().height()).isGreaterThan(poster.video().orElseThrow().width());
    }

    @Test
    void videoWithoutAudioHasVideoOnlyVariants() throws Exception {
        Path source = SAMPLES.video(dir.resolve("silent.mp4"), 2, 640, 360, 0, 0);
        Map<String, ProducedRendition> produced = produceAll(renditions.plan(asset(), WORK, source), source);
        assertThat(produced).doesNotContainKey("hls/audio");
        assertThat(probe(produced.get("mp4/360p").mainFile()).audio()).isEmpty();
        assertThat(Files.readString(produced.get("hls/master").mainFile())).contains("CODECS=\"avc1.64001e\"")
                .doesNotContain("mp4a", "EXT-X-MEDIA", "AUDIO=");
    }

    @Test
    void twoAudioTracksAreReportedAndTheFirstIsUsed() {
        Path source = SAMPLES.video(dir.resolve("bilingual.mp4"), 2, 640, 360, 2, 0);
        MediaInfo info = PROBE.probeMedia(source.toString(), dir, TIMEOUT);
        assertThat(info.audio()).extracting(MediaInfo.AudioStream::language).containsExactly("eng", "fra");
        assertThat(info.summary().get("audioStreams")).asList().hasSize(2);
        Map<String, ProducedRendition> produced = produceAll(renditions.plan(asset(), WORK, source), source);
        assertThat(probe(produced.get("hls/audio").mainFile()).audio()).hasSize(1);
    }

    @Test
    void aTruncatedVideoIsCorrupt() {
        Path whole = SAMPLES.video(dir.resolve("whole.mp4"), 2, 640, 360, 1, 0);
        Path cut = SampleMedia.truncated(whole, dir.resolve("cut.mp4"), 20_000);
        assertThatThrownBy(() -> renditions.plan(asset(), WORK, cut))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA);
                    assertThat(e.failure().reason()).isNotBlank();
                });
    }

    @Test
    void limitsAreCheckedOnTheProbeBeforeAnyDecoding() {
        Path source = SAMPLES.video(dir.resolve("limits.mp4"), 3, 640, 360, 1, 0);
        assertThatThrownBy(() -> renditions(2, 4096L * 2304).plan(asset(), WORK, source))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED);
                    assertThat(e.failure().reason()).contains("MAX_VIDEO_SECONDS");
                });
        assertThatThrownBy(() -> renditions(900, 640L * 300).plan(asset(), WORK, source))
                .isInstanceOfSatisfying(FailureException.class,
                        e -> assertThat(e.failure().reason()).contains("640x360", "pixels"));
    }

    @Test
    void aResumedJobProducesOnlyWhatIsMissing() {
        Path source = SAMPLES.video(dir.resolve("resume.mp4"), 2, 1280, 720, 1, 0);
        RenditionPlan plan = renditions.plan(asset(), WORK, source);
        List<RenditionPlan.Planned> missing = plan.renditions().stream()
                .filter(p -> p.name().equals("hls/360p") || p.name().equals("mp4/720p")).toList();
        Path out = dir.resolve("out-resume");
        List<ProducedRendition> produced = renditions.produce(plan, missing, source, mkdirs(out), TIMEOUT);
        assertThat(produced).extracting(p -> p.planned().name()).containsExactly("hls/360p", "mp4/720p");
        assertThat(out.resolve("hls")).isDirectoryContaining(p -> p.getFileName().toString().equals("720p"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals("480p"));
        assertThat(out.resolve("poster.jpg")).doesNotExist();
    }

    private VideoRenditions renditions(double maxSeconds, long maxPixels) {
        try {
            return VideoRenditions.inThisProcess(PROBE, new VideoRenderer(TOOLS, new ProcessRunner()),
                    ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")), maxSeconds, maxPixels);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, ProducedRendition> produceAll(RenditionPlan plan, Path source) {
        return renditions.produce(plan, plan.renditions(), source, mkdirs(dir.resolve("out-" + source.getFileName())), TIMEOUT)
                .stream().collect(Collectors.toMap(p -> p.planned().name(), Function.identity()));
    }

    private static Path mkdirs(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private MediaInfo probe(Path file) {
        return PROBE.probeMedia(file.toString(), file.getParent(), TIMEOUT);
    }

    private String size(Map<String, ProducedRendition> produced, String name) {
        MediaInfo.VideoStream video = probe(produced.get(name).mainFile()).video().orElseThrow();
        return video.width() + "x" + video.height();
    }

    private static List<String> names(RenditionPlan plan) {
        return plan.renditions().stream().map(RenditionPlan.Planned::name).toList();
    }

    private static List<Map<String, String>> streamInfo(String master) {
        Pattern attribute = Pattern.compile("([A-Z-]+)=(\"[^\"]*\"|[^,]*)");
        return master.lines().filter(line -> line.startsWith("#EXT-X-STREAM-INF:")).map(line -> {
            Matcher matcher = attribute.matcher(line.substring("#EXT-X-STREAM-INF:".length()));
            Map<String, String> attributes = new LinkedHashMap<>();
            while (matcher.find()) {
                attributes.put(matcher.group(1), matcher.group(2));
            }
            return attributes;
        }).toList();
    }

    private static Asset asset() {
        return Asset.received(new AssetId(WORK.assetId()), WORK.source(), "video/mp4", Instant.now(), "test");
    }
}
