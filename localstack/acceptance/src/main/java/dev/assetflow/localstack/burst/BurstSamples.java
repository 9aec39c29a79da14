package dev.assetflow.localstack.burst;

import dev.assetflow.fixtures.SampleMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the burst's clients send: pictures of a few sizes (one PUT each) and a WAV of 17 MiB by default (in
 * parts on the command's own stack, whose multipart threshold is lowered to 16 MiB so that a file of a few
 * parts, not a 64 MiB one, exercises the multipart path 50 times over).
 */
record BurstSamples(List<Path> pictures, Path multipartFile) {
    static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;

    /** 44.1 kHz, stereo, 16-bit. */
    private static final int WAV_BYTES_PER_SECOND = 44_100 * 2 * 2;

    static BurstSamples make(SampleMedia media, Path dir, int multipartMib) throws IOException {
        Files.createDirectories(dir);
        List<Path> pictures = List.of(
                media.picture(dir.resolve("photo-640.jpg"), 640, 480),
                media.picture(dir.resolve("banner-1280.png"), 1280, 400),
                media.picture(dir.resolve("thumb-320.png"), 320, 240),
                media.picture(dir.resolve("scan-1024.jpg"), 1024, 1366));
        int seconds = (int) Math.ceil(multipartMib * 1048576.0 / WAV_BYTES_PER_SECOND);
        Path wav = dir.resolve("voice-" + seconds + "s.wav");
        if (!Files.exists(wav)) {
            media.audio(wav, seconds); // 17 MiB: 100 s, 3 parts of at most 8 MiB
        }
        return new BurstSamples(pictures, wav);
    }
}
