package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.Asset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The kind-specific part of a worker (image, video, audio, document); {@link RenditionWorkflow} does
 * the rest. Both methods throw {@code FailureException} with a PERMANENT_INPUT category for bad input
 * (corrupt, over a limit) and a TRANSIENT one when time ran out.
 */
public interface Renderer {

    /**
     * Work this renderer hands on instead of rendering it in this invocation (a segmented video's
     * fan-out), decided before the original is downloaded; empty: render here.
     */
    default Optional<WorkOutcome> handOff(Asset asset, WorkMessage work) {
        return Optional.empty();
    }

    /** False for a renderer that works from what is already in the bucket (a segmented video's assembly): nothing is downloaded. */
    default boolean needsSource() {
        return true;
    }

    /** Probes the downloaded original (null when {@link #needsSource()} is false) and decides what to produce; every limit is checked here. */
    RenditionPlan plan(Asset asset, WorkMessage work, Path source);

    /** Produces {@code missing} (a subset of the plan: what has no checkpoint yet) into {@code dir}. */
    List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft);

    /**
     * The encoding done for this work before {@link #produce} (a segmented video's chunks, summed), so that its encode
     * time is recorded whichever path made it; 0 for a renderer that encodes in {@link #produce} or not at all.
     */
    default long encodedBeforeMillis() {
        return 0;
    }

    /** A generous estimate of the temp space producing {@code missing} needs, besides the original. */
    default long workBytesEstimate(RenditionPlan plan, List<RenditionPlan.Planned> missing, long sourceBytes) {
        return sourceBytes;
    }
}
