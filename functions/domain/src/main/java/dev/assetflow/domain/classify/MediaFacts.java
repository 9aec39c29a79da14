package dev.assetflow.domain.classify;

import java.util.Map;

/**
 * What probing an audio or video file found: the facts recorded on the asset (duration, size, codecs)
 * and which streams it holds, which decide the kind of a container that may hold either.
 */
public record MediaFacts(Map<String, Object> summary, boolean hasVideoStream, boolean hasAudioStream) {

    public MediaFacts {
        summary = Map.copyOf(summary);
    }
}
