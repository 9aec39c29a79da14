package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import java.util.Optional;

/** The verdict on what an uploaded file is: something the pipeline processes, or not, and why. */
public sealed interface Classification {

    String detectedType();

    /** A processable kind. {@code note} says when the name lied about the type (content wins). */
    record Accepted(String detectedType, MediaKind kind, String note) implements Classification {}

    /** Empty, unknown or unsupported content: never processed. */
    record Rejected(String detectedType, Failure failure) implements Classification {}

    /**
     * A container that holds video, audio or both (Matroska, WebM, MP4, MOV, Ogg): its streams decide the
     * kind, so the file is probed before the verdict. {@code detectedType} is the provisional type.
     */
    record AudioOrVideo(String detectedType, AvContainer container, String claimedType, String fileName)
            implements Classification {

        /** The verdict once the probe has said which streams the file holds. */
        public Classification withStreams(boolean hasVideoStream, boolean hasAudioStream) {
            Optional<MediaKind> kind = AvContainer.decide(hasVideoStream, hasAudioStream);
            if (kind.isEmpty()) {
                return new Rejected(detectedType, Failure.of(FailureCategory.UNSUPPORTED_TYPE, "'" + fileName
                        + "' is a " + detectedType + " container without an audio or a video stream"));
            }
            String type = container.typeFor(kind.get());
            // a name only names the container: a .webm holding sound alone is not a lie
            boolean nameNamesAnother = claimedType != null && AvContainer.ofType(claimedType).filter(container::equals).isEmpty();
            String note = nameNamesAnother
                    ? "content is " + type + " although the name '" + fileName + "' says " + claimedType
                    : null;
            return new Accepted(type, kind.get(), note);
        }
    }
}
