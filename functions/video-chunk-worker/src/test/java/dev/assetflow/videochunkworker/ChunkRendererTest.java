package dev.assetflow.videochunkworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.ChunkRenderer;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.video.Storyboard;
import dev.assetflow.domain.video.VideoLayout;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks encoded by separate ffmpeg runs join into one variant: one shared init segment, segments
 * numbered on the global grid, every frame of the source present once, timestamps continuous across
 * the chunk boundary; each chunk makes its share of the storyboard's thumbnails and, if its range holds
 * the instant, the poster; damage in a chunk's range fails it with the range.
 */
class ChunkRendererTest {
    static final MediaTools TOOLS = MediaTools.fromVenv();
    static final SampleMedia SAMPLES = new SampleMedia(TOOLS);
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final List<LadderRung> RUNGS = List.of(
            new LadderRung("240p", 320, 240, 400, 500, "3.0"), new LadderRung("120p", 160, 120, 150, 200, "3.0"));

    @TempDir
    Path dir;

    @Test
    void twoChunksEncodedApartPlayAsOneVariantWithEveryFrameOnce() throws Exception {
        Path source = SAMPLES.video(dir.resolve("source.mp4"), 12, 320, 240, 1, 0); // 300 frames at 25 fps
        ChunkRenderer renderer = new ChunkRenderer(TOOLS, new ProcessRunner());
        Map<String, Path> first = renderer.render(source.toString(),
                new ChunkRenderer.ChunkJob(RUNGS, 4, "veryfast", 0, 8, 0), dir.resolve("chunk-0"), TIMEOUT);
        Map<String, Path> second = renderer.render(source.toString(),
                new ChunkRenderer.ChunkJob(RUNGS, 4, "veryfast", 8, 12, 2), dir.resolve("chunk-1"), TIMEOUT);

        for (LadderRung rung : RUNGS) {
            Path a = first.get(rung.name());
            Path b = second.get(rung.name());
            assertThat(Files.readAllBytes(b.resolve("init.mp4"))).as(rung.name() + ": one init serves every chunk")
                    .isEqualTo(Files.readAllBytes(a.resolve("init.mp4")));
            assertThat(names(a)).containsExactly("init.mp4", "seg_00000.m4s", "seg_00001.m4s");
            assertThat(names(b)).as("numbered on the global grid").containsExactly("init.mp4", "seg_00002.m4s");

            Path joined = join(rung.name(), a, b);
            List<Double> times = packetTimes(joined);
            assertThat(times).as(rung.name() + ": every frame of the source, once").hasSize(300);
            assertThat(times.get(0)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.001));
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).as(rung.name() + ": no gap or overlap at frame " + i)
                        .isCloseTo(0.04, org.assertj.core.data.Offset.offset(0.002));
            }
            ProcessRunner.Result decode = new ProcessRunner().run(List.of(TOOLS.ffmpeg().toString(), "-v", "error",
                    "-protocol_whitelist", "file", "-i", joined.toString(), "-f", "null", "-"), joined.getParent(), TIMEOUT);
            assertThat(decode.succeeded()).isTrue();
            assertThat(decode.stderr()).as(rung.name() + " decodes start to end without errors").isBlank();
        }
    }

    @Test
    void eachChunkMakesTheThumbnailsOfItsRangeNumberedGloballyAndThePosterIfItsInstantIsInside() throws Exception {
        Path source = SAMPLES.video(dir.resolve("thumbs.mp4"), 12, 320, 240, 0, 0);
        ChunkRenderer renderer = new ChunkRenderer(TOOLS, new ProcessRunner());
        Storyboard board = new Storyboard(3, 4, 4, 1, 80, 60, 12); // thumbnails at 0, 3, 6, 9 s
        VideoLayout.Poster poster = new VideoLayout.Poster(9.5, 160, 120);
        renderer.render(source.toString(), new ChunkRenderer.ChunkJob(RUNGS, 4, "veryfast", 0, 8, 0, Optional.of(poster),
                Optional.of(board)), dir.resolve("c0"), TIMEOUT);
        renderer.render(source.toString(), new ChunkRenderer.ChunkJob(RUNGS, 4, "veryfast", 8, 12, 2, Optional.of(poster),
                Optional.of(board)), dir.resolve("c1"), TIMEOUT);

        assertThat(names(dir.resolve("c0/thumbnails"))).containsExactly("thumb_00000.jpg", "thumb_00001.jpg", "thumb_00002.jpg");
        assertThat(names(dir.resolve("c1/thumbnails"))).as("the instant 9 s belongs to the chunk 8-12 s").containsExactly("thumb_00003.jpg");
        assertThat(dir.resolve("c0/poster.jpg")).doesNotExist();
        assertThat(dir.resolve("c1/poster.jpg")).isNotEmptyFile();
    }

    @Test
    void damageInsideAChunksRangeFailsItAsCorruptWithTheRange() throws Exception {
        Path whole = SAMPLES.video(dir.resolve("whole.mp4"), 20, 320, 240, 0, 0);
        byte[] bytes = Files.readAllBytes(whole);
        for (int i = (int) (bytes.length * 0.45); i < (int) (bytes.length * 0.55); i++) {
            bytes[i] = 0;
        }
        Path damaged = Files.write(dir.resolve("damaged.mp4"), bytes);
        ChunkRenderer renderer = new ChunkRenderer(TOOLS, new ProcessRunner());

        assertThatThrownBy(() -> renderer.render(damaged.toString(), new ChunkRenderer.ChunkJob(RUNGS, 4, "veryfast", 8, 12, 2),
                dir.resolve("bad"), TIMEOUT)).isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA);
                    assertThat(e.failure().reason()).startsWith("the video is damaged between 8.000 s and 12.000 s: ");
                });
        assertThat(renderer.render(damaged.toString(), new ChunkRenderer.ChunkJob(RUNGS, 4, "veryfast", 0, 4, 0), dir.resolve("good"),
                TIMEOUT)).as("a chunk before the damage is made").containsKeys("240p", "120p");
    }

    @Test
    void theAudioPartIsTheWholeSoundOnTheSameGrid() throws Exception {
        Path source = SAMPLES.video(dir.resolve("sound.mp4"), 10, 320, 240, 1, 0);
        Path audio = new ChunkRenderer(TOOLS, new ProcessRunner()).renderAudio(source.toString(), 0, 96, 4, dir.resolve("a"), TIMEOUT);
        List<String> playlist = Files.readAllLines(audio.resolve("index.m3u8"));
        assertThat(playlist).filteredOn(line -> line.endsWith(".m4s")).containsExactly("seg_00000.m4s", "seg_00001.m4s", "seg_00002.m4s");
        assertThat(names(audio)).contains("init.mp4");
    }

    /** The variant as fan-in will write it: chunk 0's init, then every segment with its chunk playlist's duration. */
    private Path join(String rung, Path a, Path b) throws Exception {
        Path out = Files.createDirectories(dir.resolve("joined").resolve(rung));
        Files.copy(a.resolve("init.mp4"), out.resolve("init.mp4"));
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n");
        for (Path chunk : List.of(a, b)) {
            List<String> lines = Files.readAllLines(chunk.resolve("index.m3u8"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("#EXTINF:")) {
                    String segment = lines.get(i + 1);
                    Files.copy(chunk.resolve(segment), out.resolve(segment));
                    playlist.append(lines.get(i)).append('\n').append(segment).append('\n');
                }
            }
        }
        playlist.append("#EXT-X-ENDLIST\n");
        return Files.writeString(out.resolve("index.m3u8"), playlist);
    }

    private static List<Double> packetTimes(Path playlist) {
        ProcessRunner.Result result = new ProcessRunner().run(List.of(TOOLS.ffprobe().toString(), "-v", "error",
                "-protocol_whitelist", "file", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0", playlist.toString()), playlist.getParent(), TIMEOUT);
        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        List<Double> times = new ArrayList<>(result.stdout().lines().filter(l -> !l.isBlank())
                .map(l -> Double.parseDouble(l.trim().replace(",", ""))).toList());
        times.sort(Double::compare); // B-frames arrive in decode order
        return times;
    }

    private static List<String> names(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".m3u8"))
                    .sorted(String.CASE_INSENSITIVE_ORDER).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        }
    }
}
