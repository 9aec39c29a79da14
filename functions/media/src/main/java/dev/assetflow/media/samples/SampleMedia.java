package dev.assetflow.media.samples;

import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real media for the demo, the tests and the benchmarks, made with ffmpeg's test sources: good files
 * and bad ones (truncated, empty, mislabelled, archives).
 */
public final class SampleMedia {
    /** The camera make written into EXIF by {@link #jpegWithOrientation}: renditions must not carry it. */
    public static final String CAMERA_MAKE = "AssetflowTestCam";

    private final MediaTools tools;
    private final ProcessRunner runner = new ProcessRunner();

    public SampleMedia(MediaTools tools) {
        this.tools = tools;
    }

    /** A colourful test picture (ffmpeg's testsrc2) of the given size; the format follows the extension. */
    public Path picture(Path out, int width, int height) {
        out = out.toAbsolutePath();
        List<String> command = List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=1",
                "-frames:v", "1", "-update", "1", out.toString());
        ProcessRunner.Result result = runner.run(command, out.getParent(), Duration.ofSeconds(60));
        if (!result.succeeded()) {
            throw new IllegalStateException("ffmpeg could not make a sample picture: " + result.lastErrorLine());
        }
        return out;
    }

    /** A short H.264/AAC MP4 clip with a test pattern and a tone. */
    public Path clip(Path out, int seconds, int width, int height) {
        return video(out, seconds, width, height, 1, 0);
    }

    /**
     * An MP4 with a moving test pattern, {@code audioTracks} tones (0 for none, each tagged with a
     * language), and a display rotation (0, 90, 180, 270) in its metadata, as phones write it. Odd
     * sizes are encoded 4:4:4, which H.264 allows and 4:2:0 does not.
     */
    public Path video(Path out, int seconds, int width, int height, int audioTracks, int rotation) {
        out = out.toAbsolutePath();
        Path encoded = rotation == 0 ? out : out.resolveSibling("unrotated-" + out.getFileName());
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25"));
        for (int track = 0; track < audioTracks; track++) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=" + (440 * (track + 1)) + ":sample_rate=48000"));
        }
        command.addAll(List.of("-map", "0:v"));
        for (int track = 0; track < audioTracks; track++) {
            command.addAll(List.of("-map", (track + 1) + ":a", "-metadata:s:a:" + track, "language=" + LANGUAGES[track % LANGUAGES.length]));
        }
        boolean odd = width % 2 != 0 || height % 2 != 0;
        command.addAll(List.of("-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", odd ? "yuv444p" : "yuv420p", "-c:a", "aac", "-b:a", "96k", encoded.toString()));
        run(command, out.getParent(), "a sample video");
        if (rotation != 0) {
            run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-display_rotation", Integer.toString(rotation), "-i", encoded.toString(), "-map", "0", "-c", "copy",
                    out.toString()), out.getParent(), "a rotated sample video");
        }
        return out;
    }

    /**
     * A 1080p25 clip shaped like a phone or camera recording rather than a synthetic pattern: film
     * grain (temporal noise) and a camera-like bitrate (16 Mbit/s, High profile, B-frames), so that
     * decoding it costs what decoding real footage costs. The benchmark's source.
     */
    public Path cameraVideo(Path out, int seconds) {
        out = out.toAbsolutePath();
        run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25,noise=alls=14:allf=t+u",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Integer.toString(seconds), "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "faster", "-profile:v", "high", "-bf", "3",
                "-b:v", "16M", "-maxrate", "20M", "-bufsize", "32M", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "192k", out.toString()), out.getParent(), "a camera-like sample video");
        return out;
    }

    /** A WAV, MP3 or M4A (by extension) with a tone that rises and falls, so its waveform has a shape. */
    public Path audio(Path out, int seconds) {
        out = out.toAbsolutePath();
        run(List.of(tools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100,volume='0.2+0.8*abs(sin(t))':eval=frame",
                "-t", Integer.toString(seconds), "-ac", "2", out.toString()), out.getParent(), "a sample audio file");
        return out;
    }

    private static final String[] LANGUAGES = {"eng", "fra", "deu"};

    private void run(List<String> command, Path dir, String what) {
        ProcessRunner.Result result = runner.run(command, dir, Duration.ofSeconds(180));
        if (!result.succeeded()) {
            throw new IllegalStateException("ffmpeg could not make " + what + ": " + result.lastErrorLine());
        }
    }

    /**
     * A JPEG stored {@code width}x{@code height} whose EXIF says to display it with the given orientation
     * (6 = rotate 90° clockwise), and which names a camera make, as phone pictures do.
     */
    public Path jpegWithOrientation(Path out, int width, int height, int orientation) {
        picture(out, width, height);
        try {
            byte[] jpeg = Files.readAllBytes(out);
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            result.write(jpeg, 0, 2); // SOI
            result.write(exifSegment(orientation));
            result.write(jpeg, 2, jpeg.length - 2);
            Files.write(out, result.toByteArray());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An APP1 segment with a little-endian TIFF IFD0 holding Orientation and Make. */
    static byte[] exifSegment(int orientation) {
        byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifdEntries = 2;
        int ifdSize = 2 + ifdEntries * 12 + 4;
        int makeOffset = 8 + ifdSize;
        ByteBuffer tiff = ByteBuffer.allocate(makeOffset + make.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) ifdEntries);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeOffset); // Make, ASCII
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(make);
        byte[] payload = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) 0xE1)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    /** The first {@code keepBytes} of a file: a download cut short, or a broken upload. */
    public static Path truncated(Path source, Path out, int keepBytes) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            Files.write(out, Arrays.copyOf(bytes, Math.min(keepBytes, bytes.length)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path text(Path out, String content) {
        try {
            return Files.writeString(out, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path zip(Path out) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("an archive is not media".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG whose header claims {@code width} × {@code height} (e.g. 60000 × 60000, 3.6 gigapixels),
     * with a valid header checksum and almost no pixel data: a decompression bomb's calling card,
     * which must be refused on the header, before anything is decoded.
     */
    public static Path pngClaiming(Path out, int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            png.write(chunk("IHDR", header.array()));
            png.write(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01}));
            png.write(chunk("IEND", new byte[0]));
            return Files.write(out, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** Bytes from a seeded random: no format at all. */
    public static Path randomBytes(Path out, int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        try {
            return Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SVG that, parsed naively, would read a local file through an external entity (XXE). */
    public static Path svgWithExternalEntity(Path out) {
        return text(out, """
                <?xml version="1.0" standalone="no"?>
                <!DOCTYPE svg [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text x="0" y="20">&secret;</text></svg>
                """);
    }
}
