package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import java.util.Optional;

/** Decides what an upload is from its first bytes, and explains any disagreement with its name. */
public final class Classifier {
    private final TypeDetector detector;

    public Classifier(TypeDetector detector) {
        this.detector = detector;
    }

    /**
     * Images, PDFs and single-kind media get their verdict here; containers that may hold video or
     * audio ({@link Classification.AudioOrVideo}) get theirs once probed.
     *
     * @param prefix   the first bytes of the object (up to {@link TypeDetector#PREFIX_BYTES})
     * @param size     the object's full size in bytes
     * @param fileName the last segment of the object key, as uploaded
     */
    public Classification classify(byte[] prefix, long size, String fileName) {
        if (size == 0 || prefix.length == 0) {
            return new Classification.Rejected(null,
                    Failure.of(FailureCategory.EMPTY_FILE, "the file '" + fileName + "' is empty (0 bytes)"));
        }
        String detected = detector.detectContent(prefix);
        String claimed = detector.typeClaimedByName(fileName);
        Optional<AvContainer> container = AvContainer.recognise(detected, prefix);
        if (container.isPresent()) {
            return new Classification.AudioOrVideo(container.get().provisionalType(prefix), container.get(), claimed, fileName);
        }
        if (SvgDeclarations.declaresEntities(detected, prefix)) {
            return new Classification.Rejected(detected, SvgDeclarations.refusal(claimed, fileName));
        }
        MediaKind kind = MediaKind.ofMimeType(detected);
        if (kind == MediaKind.OTHER) {
            return new Classification.Rejected(detected, rejection(detected, claimed, fileName));
        }
        String note = claimed != null && !claimed.equals(detected)
                ? "content is " + detected + " although the name '" + fileName + "' says " + claimed
                : null;
        return new Classification.Accepted(detected, kind, note);
    }

    private static Failure rejection(String detected, String claimed, String fileName) {
        String what = TypeDetector.isUnknown(detected) ? "content of an unknown type" : "content of type " + detected;
        if (claimed != null && MediaKind.ofMimeType(claimed) != MediaKind.OTHER) {
            return Failure.of(FailureCategory.TYPE_MISMATCH,
                    "the name '" + fileName + "' says " + claimed + " but the file holds " + what);
        }
        return Failure.of(FailureCategory.UNSUPPORTED_TYPE,
                "'" + fileName + "' holds " + what + ", which the pipeline does not process");
    }
}
