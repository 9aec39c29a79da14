package dev.assetflow.domain.reprocess;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.failure.Failure;

/** What asking to reprocess an asset did: a closed set, answered by the API and the command. */
public sealed interface ReprocessOutcome {

    /** Reopened and sent to {@code workQueue}: its renditions of {@code from} will be made as {@code to}. */
    record Sent(Asset asset, int from, int to, String workQueue) implements ReprocessOutcome {}

    /** Made with the profile's newest version already. */
    record UpToDate(Asset asset, int version) implements ReprocessOutcome {}

    record NotFound(AssetId id) implements ReprocessOutcome {}

    /** Not READY or PARTIAL: still being made (or failed: a redrive or repair is what it needs). */
    record NotFinished(Asset asset) implements ReprocessOutcome {}

    /** It cannot be made again: its original is gone (categorised {@code ORIGINAL_MISSING}); it keeps what it has. */
    record CannotRedo(Asset asset, Failure failure) implements ReprocessOutcome {}
}
