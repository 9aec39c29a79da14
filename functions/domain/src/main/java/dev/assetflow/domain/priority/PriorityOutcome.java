package dev.assetflow.domain.priority;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;

/** What a priority change did: a closed set, each answered differently by the API and the command. */
public sealed interface PriorityOutcome {

    /** The work not started was sent to {@code workQueue}, the new class's; what waits in the old queue is now a no-op. */
    record Moved(Asset asset, Priority from, String workQueue) implements PriorityOutcome {}

    /** Recorded, nothing to move: the work is running and finishes in its class. */
    record Recorded(Asset asset, Priority from) implements PriorityOutcome {}

    /** The asset is in that class already. */
    record Unchanged(Asset asset) implements PriorityOutcome {}

    record NotFound(AssetId id) implements PriorityOutcome {}

    /** READY, PARTIAL, FAILED or QUARANTINED: no work is left to hurry or hold back. */
    record Finished(Asset asset) implements PriorityOutcome {}

    /** Not routed yet (RECEIVED, CLASSIFIED): it has no class to change until ingest is done with it, seconds later. */
    record NotRouted(Asset asset) implements PriorityOutcome {}

    /** It kept moving while the change was being made (a worker started it, another change came first): ask again. */
    record Conflict(Asset asset) implements PriorityOutcome {}
}
