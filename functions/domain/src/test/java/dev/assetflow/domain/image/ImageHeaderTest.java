package dev.assetflow.domain.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    @Test
    void aPngClaimsItsSizeInItsFirstChunk() {
        ByteBuffer png = ByteBuffer.allocate(33).putLong(0x89504E470D0A1A0AL).putInt(13).putInt(0x49484452)
                .putInt(60000).putInt(60000);
        assertThat(ImageHeader.read(png.array())).contains(new ImageHeader.Dimensions(60000, 60000));
        assertThat(ImageHeader.read(png.array()).orElseThrow().pixels()).isEqualTo(3_600_000_000L);
    }

    @Test
    void aJpegClaimsItsSizeInItsStartOfFrameAfterOtherSegments() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xE0, 0x00, 0x04, 0x4A, 0x46, // APP0, 2 bytes of payload
                (byte) 0xFF, (byte) 0xC0, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, (byte) 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0};
        assertThat(ImageHeader.read(jpeg)).contains(new ImageHeader.Dimensions(1920, 1080));
    }

    @Test
    void aGifClaimsItsLogicalScreen() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', (byte) 0x40, 0x01, (byte) 0xF0, 0x00};
        assertThat(ImageHeader.read(gif)).contains(new ImageHeader.Dimensions(320, 240));
    }

    @Test
    void anythingElseClaimsNothing() {
        assertThat(ImageHeader.read(new byte[0])).isEmpty();
        assertThat(ImageHeader.read("not an image at all, just text".getBytes())).isEmpty();
        assertThat(ImageHeader.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, 0, 0, 0, 0, 0})).isEmpty();
    }
}
