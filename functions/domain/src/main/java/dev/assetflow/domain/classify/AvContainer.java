package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.MediaKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Containers that may hold video or audio alone. Their signature says which container a file is, never
 * whether it holds a picture: a WebM may be a film or a podcast, an MP4 a clip or an M4A song. What the
 * probe finds in them decides the kind ({@link #decide}); the container only names the MIME type.
 */
public enum AvContainer {
    MATROSKA("video/x-matroska", "audio/x-matroska"),
    WEBM("video/webm", "audio/webm"),
    /** ISO base media files with an MP4 brand (isom, mp41, mp42, avc1, dash, M4A ...). */
    MP4("video/mp4", "audio/mp4"),
    /** ISO base media files with the QuickTime brand ({@code qt  }) or none at all (classic MOV). */
    QUICKTIME("video/quicktime", "audio/mp4"),
    THREE_GPP("video/3gpp", "audio/3gpp"),
    OGG("video/ogg", "audio/ogg");

    /** What Tika names an ISO base media file; its ftyp brand says which of them it really is. */
    private static final Set<String> ISO_BMFF_TYPES = Set.of("video/mp4", "video/quicktime", "audio/mp4",
            "video/x-m4v", "audio/x-m4a", "application/mp4", "video/3gpp", "video/3gpp2", "audio/3gpp");
    private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] OGG_MAGIC = "OggS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBM_DOCTYPE = {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
    private static final int EBML_HEADER_SCAN = 64;

    private final String videoType;
    private final String audioType;

    AvContainer(String videoType, String audioType) {
        this.videoType = videoType;
        this.audioType = audioType;
    }

    /** The MIME type of this container holding the given kind (VIDEO or AUDIO). */
    public String typeFor(MediaKind kind) {
        return kind == MediaKind.AUDIO ? audioType : videoType;
    }

    /** What the container most likely holds before probing: an M4A brand hints at audio, anything else at video. */
    String provisionalType(byte[] prefix) {
        return this == MP4 && brand(prefix).filter(b -> b.startsWith("M4A") || b.startsWith("M4B")).isPresent()
                ? audioType : videoType;
    }

    /** A picture stream makes it video (cover art is not one); sound alone makes it audio; neither, nothing. */
    public static Optional<MediaKind> decide(boolean hasVideoStream, boolean hasAudioStream) {
        if (hasVideoStream) {
            return Optional.of(MediaKind.VIDEO);
        }
        return hasAudioStream ? Optional.of(MediaKind.AUDIO) : Optional.empty();
    }

    /** The container of a file from its first bytes and what Tika made of them, when it is one of these. */
    public static Optional<AvContainer> recognise(String tikaType, byte[] prefix) {
        if (startsWith(prefix, EBML_MAGIC)) {
            // the EBML header's DocType: "webm" or "matroska" (https://www.matroska.org/technical/elements.html)
            return Optional.of(indexOf(prefix, WEBM_DOCTYPE, EBML_HEADER_SCAN) >= 0 ? WEBM : MATROSKA);
        }
        if (startsWith(prefix, OGG_MAGIC)) {
            return Optional.of(OGG);
        }
        if (tikaType != null && ISO_BMFF_TYPES.contains(tikaType.toLowerCase(Locale.ROOT))) {
            return Optional.of(brand(prefix).map(AvContainer::ofBrand).orElse(QUICKTIME));
        }
        return Optional.empty();
    }

    /** The container a MIME type names (a file name's claim), if it names one of these. */
    public static Optional<AvContainer> ofType(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String type = mimeType.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.videoType.equals(type) || c.audioType.equals(type)).findFirst()
                .or(() -> type.equals("audio/vorbis") || type.equals("audio/opus") || type.equals("application/ogg")
                        ? Optional.of(OGG) : Optional.empty());
    }

    /** ISO/IEC 14496-12 major brands: https://mp4ra.org/registered-types/brands */
    private static AvContainer ofBrand(String brand) {
        if (brand.equals("qt  ")) {
            return QUICKTIME;
        }
        return brand.startsWith("3g") ? THREE_GPP : MP4;
    }

    /** The major brand of an ISO base media file: bytes 8-11, after the ftyp box's size and type. */
    private static Optional<String> brand(byte[] prefix) {
        if (prefix.length < 12 || !new String(prefix, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            return Optional.empty();
        }
        return Optional.of(new String(prefix, 8, 4, StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }

    private static int indexOf(byte[] data, byte[] needle, int within) {
        int end = Math.min(data.length, within) - needle.length;
        for (int i = 0; i <= end; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
