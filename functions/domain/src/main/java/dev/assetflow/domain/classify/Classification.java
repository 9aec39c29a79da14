package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.failure.Failure;

/** The verdict on what an uploaded file is: something the pipeline processes, or not, and why. */
public sealed interface Classification {

    String detectedType();

    /** A processable kind. {@code note} says when the name lied about the type (content wins). */
    record Accepted(String detectedType, MediaKind kind, String note) implements Classification {}

    /** Empty, unknown or unsupported content: never processed. */
    record Rejected(String detectedType, Failure failure) implements Classification {}
}
