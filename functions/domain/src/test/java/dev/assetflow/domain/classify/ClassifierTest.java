package dev.assetflow.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.failure.FailureCategory;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000010000000100806000000");
    static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffdb0043");
    static final byte[] ZIP = HexFormat.of().parseHex("504b0304140000000800");
    static final byte[] MP4 = HexFormat.of().parseHex("0000001c667479706973736f6d0000020069736f6d69736f32");
    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

    private final Classifier classifier = new Classifier(new TypeDetector());

    @Test
    void acceptsImagesByTheirMagicBytes() {
        assertThat(classifier.classify(PNG, 1000, "cat.png"))
                .isEqualTo(new Classification.Accepted("image/png", MediaKind.IMAGE, null));
        assertThat(classifier.classify(JPEG, 1000, "cat.jpeg"))
                .isEqualTo(new Classification.Accepted("image/jpeg", MediaKind.IMAGE, null));
    }

    @Test
    void trustsContentOverTheNameAndSaysSo() {
        Classification verdict = classifier.classify(PNG, 1000, "holiday.jpg");
        assertThat(verdict).isInstanceOf(Classification.Accepted.class);
        Classification.Accepted accepted = (Classification.Accepted) verdict;
        assertThat(accepted.detectedType()).isEqualTo("image/png");
        assertThat(accepted.note()).contains("content is image/png", "holiday.jpg", "image/jpeg");
    }

    @Test
    void aTextFileNamedPngIsATypeMismatch() {
        byte[] text = "hello, this is not a picture\n".getBytes(StandardCharsets.UTF_8);
        Classification verdict = classifier.classify(text, text.length, "photo.png");
        assertThat(verdict).isInstanceOfSatisfying(Classification.Rejected.class, rejected -> {
            assertThat(rejected.failure().category()).isEqualTo(FailureCategory.TYPE_MISMATCH);
            assertThat(rejected.failure().reason()).contains("photo.png", "image/png", "text/plain");
            assertThat(rejected.detectedType()).isEqualTo("text/plain");
        });
    }

    @Test
    void anEmptyFileIsRejectedBeforeDetection() {
        Classification verdict = classifier.classify(new byte[0], 0, "empty.png");
        assertThat(verdict).isInstanceOfSatisfying(Classification.Rejected.class,
                rejected -> assertThat(rejected.failure().category()).isEqualTo(FailureCategory.EMPTY_FILE));
    }

    @Test
    void anArchiveIsUnsupported() {
        Classification verdict = classifier.classify(ZIP, 500, "bundle.zip");
        assertThat(verdict).isInstanceOfSatisfying(Classification.Rejected.class, rejected -> {
            assertThat(rejected.failure().category()).isEqualTo(FailureCategory.UNSUPPORTED_TYPE);
            assertThat(rejected.failure().reason()).contains("bundle.zip", "application/zip");
        });
    }

    @Test
    void randomBytesAreOfAnUnknownType() {
        byte[] noise = HexFormat.of().parseHex("00ff13a7c3000102fe99");
        Classification verdict = classifier.classify(noise, noise.length, "noise.bin");
        assertThat(verdict).isInstanceOfSatisfying(Classification.Rejected.class,
                rejected -> assertThat(rejected.failure().reason()).contains("unknown type"));
    }

    @Test
    void recognisesVideoAndDocumentKinds() {
        assertThat(classifier.classify(MP4, 1000, "clip.mp4"))
                .isInstanceOfSatisfying(Classification.Accepted.class,
                        accepted -> assertThat(accepted.kind()).isEqualTo(MediaKind.VIDEO));
        assertThat(classifier.classify(PDF, 1000, "doc.pdf"))
                .isEqualTo(new Classification.Accepted("application/pdf", MediaKind.DOCUMENT, null));
    }
}
