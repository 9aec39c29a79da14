package dev.assetflow.localstack.demo;

import dev.assetflow.fixtures.SampleDocuments;
import dev.assetflow.localstack.LocalStack;
import dev.assetflow.localstack.embedded.Venv;
import dev.assetflow.media.MediaTools;
import dev.assetflow.fixtures.SampleMedia;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The main job: starts the local stack, uploads good and bad media through the upload API like a
 * client app, follows every asset to its end, and prints a table. Exits 0 only when every good asset
 * is READY with its events, and every bad one has its expected categorised outcome.
 * Run with {@code ./scripts/demo} ({@code --keep-running} leaves the stack up for curl).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = List.of(args).contains("--keep-running");
        Path work = Files.createDirectories(Path.of("target", "demo-media"));
        Venv venv = Venv.locate();
        SampleMedia media = new SampleMedia(MediaTools.from(Map.of(
                "FFMPEG_PATH", venv.tool("ffmpeg").toString(), "FFPROBE_PATH", venv.tool("ffprobe").toString())));
        List<DemoSample> samples = samples(media, work);

        System.out.println("Assetflow local stack: starting the embedded AWS and the pipeline's functions...");
        LocalStack.Options options = LocalStack.Options.defaults()
                .withPrefix("demo-" + UUID.randomUUID().toString().substring(0, 6))
                .withConfigDocument("routing-rules", Files.readString(demoRules(work)));
        int exitCode;
        try (LocalStack stack = LocalStack.start(options)) {
            System.out.printf("  %s at %s, resources provisioned (prefix %s); upload API at %s%n",
                    stack.embedded() ? "embedded AWS (moto server)" : "external AWS endpoint (AWS_ENDPOINT_URL)",
                    stack.awsEndpoint(), options.prefix(), stack.apiEndpoint());
            System.out.printf("  the operator console: %s/ (assets, queues, dead letters, breakers, latency)%n", stack.apiEndpoint());
            System.out.println("  every function runs from its deployable artifact under the Lambda runtime interface client;"
                    + " its log (JSON lines and START/END/REPORT): " + stack.functionLog("<function>"));
            DemoRun run = new DemoRun(stack, samples);
            exitCode = run.execute();
            if (keepRunning) {
                System.out.printf("%nThe stack stays up at %s; open the console at %s/ in a browser, or try:%n"
                        + "  curl -s -X POST %s/uploads -H 'Content-Type: application/json' -d "
                        + "'{\"fileName\":\"a.png\",\"contentType\":\"image/png\",\"sizeBytes\":1234}'%nCtrl-C stops it.%n",
                        stack.apiEndpoint(), stack.apiEndpoint(), stack.apiEndpoint());
                Thread.currentThread().join();
            }
        }
        System.exit(exitCode);
    }

    /**
     * The bundled routing rules with one in front: Matroska video goes to the MediaConvert engine (here its
     * local stand-in), so the demo shows both engines side by side.
     */
    static Path demoRules(Path dir) throws IOException {
        ObjectNode rules;
        try (InputStream bundled = Demo.class.getResourceAsStream("/routing-rules.json")) {
            rules = (ObjectNode) Json.mapper().readTree(bundled);
        }
        ((ArrayNode) rules.get("rules")).insert(0, Json.mapper().readTree("""
                {"name": "mkv-via-mediaconvert", "when": {"kind": "video", "mimeTypes": ["video/x-matroska"]},
                 "route": {"queue": "standard", "profile": "video-abr", "transcoder": "mediaconvert"}}"""));
        return Files.writeString(dir.resolve("demo-routing-rules.json"), Json.write(rules));
    }

    static List<DemoSample> samples(SampleMedia media, Path dir) throws IOException {
        Path landscape = media.picture(dir.resolve("landscape.png"), 1920, 1080);
        Path truncatedSource = media.picture(dir.resolve("whole.png"), 800, 600);
        List<DemoSample> samples = new ArrayList<>();
        samples.add(new DemoSample("landscape.png", "image/png", landscape, DemoSample.Expected.ready()));
        samples.add(new DemoSample("holiday photo.jpg", "image/jpeg",
                media.picture(dir.resolve("holiday.jpg"), 2400, 1600), DemoSample.Expected.ready()));
        samples.add(new DemoSample("phone-portrait.jpg", "image/jpeg",
                media.jpegWithOrientation(dir.resolve("phone.jpg"), 1600, 1200, 6), DemoSample.Expected.ready()));
        samples.add(new DemoSample("icon.webp", "image/webp",
                media.picture(dir.resolve("icon.webp"), 200, 200), DemoSample.Expected.ready()));
        samples.add(new DemoSample("named-as-jpeg.jpg", "application/octet-stream",
                media.picture(dir.resolve("really-a.png"), 900, 900), DemoSample.Expected.ready()));
        samples.add(new DemoSample("notes.png", "image/png",
                SampleMedia.text(dir.resolve("notes.txt"), "these are meeting notes, not a picture\n"),
                DemoSample.Expected.ended("QUARANTINED", "TYPE_MISMATCH")));
        samples.add(new DemoSample("empty.png", "image/png",
                Files.write(dir.resolve("empty.png"), new byte[0]), DemoSample.Expected.ended("FAILED", "EMPTY_FILE")));
        samples.add(new DemoSample("bundle.zip", "application/octet-stream", SampleMedia.zip(dir.resolve("bundle.zip")),
                DemoSample.Expected.ended("QUARANTINED", "UNSUPPORTED_TYPE")));
        samples.add(new DemoSample("broken.png", "image/png",
                SampleMedia.truncated(truncatedSource, dir.resolve("broken.png"), 2048),
                DemoSample.Expected.ended("FAILED", "CORRUPT_MEDIA")));
        samples.add(new DemoSample("keynote.mp4", "video/mp4", media.video(dir.resolve("keynote.mp4"), 6, 1920, 1080, 1, 0),
                DemoSample.Expected.ready()));
        samples.add(new DemoSample("phone-video.mov", "video/quicktime",
                media.video(dir.resolve("phone-video.mp4"), 4, 1280, 720, 1, 90), DemoSample.Expected.ready()));
        samples.add(new DemoSample("film.mkv", "video/x-matroska", media.video(dir.resolve("film.mkv"), 4, 854, 480, 2, 0),
                DemoSample.Expected.ready()));
        samples.add(new DemoSample("voice-note.webm", "audio/webm", media.audio(dir.resolve("voice-note.webm"), 5),
                DemoSample.Expected.ready()));
        samples.add(new DemoSample("reaction.gif", "image/gif", media.animation(dir.resolve("reaction.gif"), 480, 270, 20),
                DemoSample.Expected.ready()));
        samples.add(new DemoSample("podcast.mp3", "audio/mpeg", media.audio(dir.resolve("podcast.mp3"), 8), DemoSample.Expected.ready()));
        // the largest file: a 6 min 40 s WAV recording (67 MiB), above the 64 MiB multipart threshold, so the demo sends it
        // in parts with the uploader (scripts/upload's code)
        samples.add(new DemoSample("recording.wav", "audio/wav", media.audio(dir.resolve("recording.wav"), 400), DemoSample.Expected.ready()));
        samples.add(new DemoSample("annual-report.pdf", "application/pdf",
                SampleDocuments.pdf(dir.resolve("annual-report.pdf"), 12), DemoSample.Expected.ready()));
        samples.add(new DemoSample("contract.pdf", "application/pdf", SampleDocuments.encryptedPdf(dir.resolve("contract.pdf")),
                DemoSample.Expected.ended("FAILED", "ENCRYPTED")));
        samples.add(new DemoSample("cut-short.mp4", "video/mp4", SampleMedia.truncated(
                media.video(dir.resolve("whole.mp4"), 3, 640, 360, 1, 0), dir.resolve("cut-short.mp4"), 30_000),
                DemoSample.Expected.ended("FAILED", "CORRUPT_MEDIA")));
        samples.add(new DemoSample("logo.svg", "image/svg+xml", SampleMedia.svgLogo(dir.resolve("logo.svg")),
                DemoSample.Expected.ready()));
        samples.add(new DemoSample("setup.exe", "application/x-msdownload",
                SampleMedia.text(dir.resolve("setup.exe"), "MZ not really"), DemoSample.Expected.refused(415)));
        return samples;
    }
}
