package dev.assetflow.domain.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The dimensions an image's header claims, read from its first bytes without decoding anything
 * (PNG IHDR, GIF logical screen, JPEG start-of-frame). The pixel limit is checked on this claim
 * before any decoder runs: a decompression bomb declares its size up front, and some decoders
 * refuse an absurd size with an error that would otherwise read as "corrupt" rather than "too large".
 */
public final class ImageHeader {
    public record Dimensions(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    private ImageHeader() {
    }

    public static Optional<Dimensions> read(byte[] head) {
        ByteBuffer b = ByteBuffer.wrap(head);
        if (head.length >= 24 && (b.getLong(0) == 0x89504E470D0A1A0AL) && b.getInt(12) == 0x49484452) { // \x89PNG, IHDR
            return Optional.of(new Dimensions(Integer.toUnsignedLong(b.getInt(16)), Integer.toUnsignedLong(b.getInt(20))));
        }
        if (head.length >= 10 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
            b.order(ByteOrder.LITTLE_ENDIAN);
            return Optional.of(new Dimensions(Short.toUnsignedLong(b.getShort(6)), Short.toUnsignedLong(b.getShort(8))));
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return jpegFrame(b);
        }
        return Optional.empty();
    }

    /**
     * Whether a WebP is animated: its VP8X header's animation flag
     * (https://developers.google.com/speed/webp/docs/riff_container#extended_file_format).
     */
    public static boolean animatedWebp(byte[] head) {
        return head.length >= 21 && new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(head, 8, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBPVP8X")
                && (head[20] & 0x02) != 0;
    }

    /** Walks the JPEG markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
    private static Optional<Dimensions> jpegFrame(ByteBuffer b) {
        int at = 2;
        while (at + 9 < b.limit()) {
            if ((b.get(at) & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b.get(at + 1) & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            int length = Short.toUnsignedInt(b.getShort(at + 2));
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return Optional.of(new Dimensions(Short.toUnsignedLong(b.getShort(at + 7)), Short.toUnsignedLong(b.getShort(at + 5))));
            }
            if (marker == 0xDA || length < 2) {
                return Optional.empty(); // image data before any frame header: not a JPEG we can read
            }
            at += 2 + length;
        }
        return Optional.empty();
    }
}
