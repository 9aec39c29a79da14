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
    static final byte[] MOV = HexFormat.of().parseHex("0000001466747970717420200000020071742020000000087769646500");
    static final byte[] M4A = HexFormat.of().parseHex("0000001c667479704d344120000002004d34412069736f6d69736f3200");
    /** The EBML headers ffmpeg writes: DocType "matroska" and "webm". */
    static final byte[] MKV = HexFormat.of().parseHex("1a45dfa3a34286810142f7810142f2810442f381084282886d6174726f736b614287810442858102");
    static final byte[] WEBM = HexFormat.of().parseHex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d428781044285810218538067");
    static final byte[] OGG = HexFormat.of().parseHex("4f67675300020000000000000000bfc4d22e000000004efa6890011e01766f72626973");
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
    void recognisesDocuments() {
        assertThat(classifier.classify(PDF, 1000, "doc.pdf"))
                .isEqualTo(new Classification.Accepted("application/pdf", MediaKind.DOCUMENT, null));
    }

    @Test
    void audioOrVideoContainersAreDecidedByTheirStreamsNotTheirName() {
        assertThat(classifier.classify(MKV, 1000, "film.mkv")).isInstanceOfSatisfying(Classification.AudioOrVideo.class, mkv -> {
            assertThat(mkv.container()).isEqualTo(AvContainer.MATROSKA);
            assertThat(mkv.withStreams(true, true)).isEqualTo(new Classification.Accepted("video/x-matroska", MediaKind.VIDEO, null));
            assertThat(mkv.withStreams(false, true)).isEqualTo(new Classification.Accepted("audio/x-matroska", MediaKind.AUDIO, null));
            assertThat(mkv.withStreams(false, false)).isInstanceOfSatisfying(Classification.Rejected.class,
                    rejected -> assertThat(rejected.failure().category()).isEqualTo(FailureCategory.UNSUPPORTED_TYPE));
        });
        assertThat(classifier.classify(WEBM, 1000, "talk.webm")).isInstanceOfSatisfying(Classification.AudioOrVideo.class,
                webm -> assertThat(webm.withStreams(false, true)).isEqualTo(new Classification.Accepted("audio/webm", MediaKind.AUDIO, null)));
        assertThat(classifier.classify(OGG, 1000, "song.ogg")).isInstanceOfSatisfying(Classification.AudioOrVideo.class,
                ogg -> assertThat(ogg.withStreams(false, true)).isEqualTo(new Classification.Accepted("audio/ogg", MediaKind.AUDIO, null)));
    }

    @Test
    void isoBaseMediaFilesAreToldApartByTheirBrand() {
        assertThat(classifier.classify(MP4, 1000, "clip.mp4").detectedType()).isEqualTo("video/mp4");
        assertThat(classifier.classify(MOV, 1000, "clip.mov").detectedType()).isEqualTo("video/quicktime");
        assertThat(classifier.classify(M4A, 1000, "song.m4a").detectedType()).isEqualTo("audio/mp4");
        assertThat(((Classification.AudioOrVideo) classifier.classify(MP4, 1000, "clip.mp4")).withStreams(true, false))
                .isEqualTo(new Classification.Accepted("video/mp4", MediaKind.VIDEO, null));
    }

    @Test
    void aContainerNamedAsAnotherSaysSo() {
        Classification.AudioOrVideo mkv = (Classification.AudioOrVideo) classifier.classify(MKV, 1000, "film.webm");
        assertThat(((Classification.Accepted) mkv.withStreams(true, true)).note())
                .isEqualTo("content is video/x-matroska although the name 'film.webm' says video/webm");
    }

    @Test
    void anSvgIsAnImageUnlessItDeclaresEntities() {
        byte[] svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(classifier.classify(svg, svg.length, "logo.svg"))
                .isEqualTo(new Classification.Accepted("image/svg+xml", MediaKind.IMAGE, null));

        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(classifier.classify(xxe, xxe.length, "logo.svg")).isInstanceOfSatisfying(Classification.Rejected.class, rejected -> {
            assertThat(rejected.failure().category()).isEqualTo(FailureCategory.UNSUPPORTED_TYPE);
            assertThat(rejected.failure().reason()).startsWith("'logo.svg' is an SVG whose DOCTYPE declares entities");
        });
        assertThat(classifier.classify(xxe, xxe.length, "logo.png")).isInstanceOfSatisfying(Classification.Rejected.class,
                rejected -> assertThat(rejected.failure().category()).isEqualTo(FailureCategory.TYPE_MISMATCH));
    }
}
