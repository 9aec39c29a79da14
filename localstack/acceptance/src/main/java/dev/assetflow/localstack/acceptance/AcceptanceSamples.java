package dev.assetflow.localstack.acceptance;

import dev.assetflow.fixtures.SampleDocuments;
import dev.assetflow.fixtures.SampleMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The acceptance run's uploads: mostly images, some short videos, and about one in ten corrupt or
 * hostile files, each with the outcome it must end with. Files are made once and uploaded many
 * times: every upload is its own asset (its own key), which is what the pipeline tracks.
 */
final class AcceptanceSamples {

    /** One upload and what it must become: READY, or one of the given states with one of the given categories. */
    record Sample(String fileName, String contentType, Path file, Set<String> states, Set<String> categories) {
        boolean good() {
            return states.equals(Set.of("READY"));
        }
    }

    private AcceptanceSamples() {
    }

    static List<Sample> make(SampleMedia media, Path dir, int assets, int videos) throws IOException {
        Files.createDirectories(dir);
        List<Sample> bad = hostile(media, dir);
        int badCount = Math.max(bad.size(), assets / 10);
        List<Path> pictures = List.of(
                media.picture(dir.resolve("wide.png"), 1600, 900), media.picture(dir.resolve("square.jpg"), 800, 800),
                media.picture(dir.resolve("small.webp"), 300, 200), media.jpegWithOrientation(dir.resolve("phone.jpg"), 1200, 900, 6),
                media.picture(dir.resolve("tall.png"), 600, 1400), media.picture(dir.resolve("photo.jpg"), 2000, 1333));
        List<Path> clips = List.of(media.video(dir.resolve("clip-a.mp4"), 2, 320, 240, 1, 0),
                media.video(dir.resolve("clip-b.mp4"), 2, 426, 240, 0, 0));
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < badCount; i++) {
            Sample b = bad.get(i % bad.size());
            samples.add(new Sample(i + "-" + b.fileName(), b.contentType(), b.file(), b.states(), b.categories()));
        }
        for (int i = 0; i < videos; i++) {
            samples.add(ready(i + "-clip.mp4", "video/mp4", clips.get(i % clips.size())));
        }
        for (int i = 0; samples.size() < assets; i++) {
            Path picture = pictures.get(i % pictures.size());
            String name = i + "-" + picture.getFileName();
            samples.add(ready(name, name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg", picture));
        }
        return samples;
    }

    private static List<Sample> hostile(SampleMedia media, Path dir) {
        Path whole = media.picture(dir.resolve("whole.png"), 640, 480);
        Path clip = media.video(dir.resolve("whole.mp4"), 2, 320, 240, 1, 0);
        return List.of(
                failed("empty.png", "image/png", write(dir.resolve("empty.png")), "EMPTY_FILE"),
                failed("truncated.png", "image/png", SampleMedia.truncated(whole, dir.resolve("truncated.png"), 1500), "CORRUPT_MEDIA"),
                new Sample("random.png", "image/png", SampleMedia.randomBytes(dir.resolve("random.bin"), 4096, 7),
                        Set.of("QUARANTINED"), Set.of("TYPE_MISMATCH", "UNSUPPORTED_TYPE")),
                quarantined("notes.jpg", "image/jpeg", SampleMedia.text(dir.resolve("notes.txt"), "meeting notes\n"), "TYPE_MISMATCH"),
                quarantined("bundle.zip", "application/octet-stream", SampleMedia.zip(dir.resolve("bundle.zip")), "UNSUPPORTED_TYPE"),
                quarantined("logo.svg", "application/octet-stream", SampleMedia.svgWithExternalEntity(dir.resolve("xxe.svg")),
                        "UNSUPPORTED_TYPE"),
                failed("bomb.png", "image/png", SampleMedia.pngClaiming(dir.resolve("bomb.png"), 60000, 60000), "LIMIT_EXCEEDED"),
                failed("broken.pdf", "application/pdf", SampleDocuments.brokenPdf(dir.resolve("broken.pdf")), "CORRUPT_MEDIA"),
                failed("cut.mp4", "video/mp4", SampleMedia.truncated(clip, dir.resolve("cut.mp4"), 20_000), "CORRUPT_MEDIA"));
    }

    private static Sample ready(String name, String type, Path file) {
        return new Sample(name, type, file, Set.of("READY"), Set.of());
    }

    private static Sample failed(String name, String type, Path file, String category) {
        return new Sample(name, type, file, Set.of("FAILED"), Set.of(category));
    }

    private static Sample quarantined(String name, String type, Path file, String category) {
        return new Sample(name, type, file, Set.of("QUARANTINED"), Set.of(category));
    }

    private static Path write(Path out) {
        try {
            return Files.write(out, new byte[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
