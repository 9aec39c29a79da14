package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.Asset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The kind-specific part of a worker (image, video, audio, document); {@link RenditionWorkflow} does
 * the rest. Both methods throw {@code FailureException} with a PERMANENT_INPUT category for bad input
 * (corrupt, over a limit) and a TRANSIENT one when time ran out.
 */
public interface Renderer {

    /** Probes the downloaded original and decides what to produce; every limit is checked here. */
    RenditionPlan plan(Asset asset, WorkMessage work, Path source);

    /** Produces {@code missing} (a subset of the plan: what has no checkpoint yet) into {@code dir}. */
    List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft);

    /** A generous estimate of the temp space producing {@code missing} needs, besides the original. */
    default long workBytesEstimate(RenditionPlan plan, List<RenditionPlan.Planned> missing, long sourceBytes) {
        return sourceBytes;
    }
}
