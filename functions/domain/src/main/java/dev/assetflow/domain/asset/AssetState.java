package dev.assetflow.domain.asset;

import java.util.EnumSet;
import java.util.Set;

/**
 * The asset lifecycle. Transitions only go forward; every write of a state is conditional on the
 * current state being one of {@link #predecessors()}, so a late or repeated message cannot move an
 * asset backwards.
 */
public enum AssetState {
    RECEIVED,
    CLASSIFIED,
    QUEUED,
    PROCESSING,
    READY,
    PARTIAL,
    FAILED,
    QUARANTINED;

    public Set<AssetState> successors() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(CLASSIFIED, FAILED, QUARANTINED);
            case CLASSIFIED -> EnumSet.of(QUEUED, FAILED, QUARANTINED);
            case QUEUED -> EnumSet.of(PROCESSING, FAILED);
            case PROCESSING -> EnumSet.of(READY, PARTIAL, FAILED);
            case READY, PARTIAL, FAILED, QUARANTINED -> EnumSet.noneOf(AssetState.class);
        };
    }

    /** The states from which this one may be entered: what a conditional write checks. */
    public Set<AssetState> predecessors() {
        Set<AssetState> result = EnumSet.noneOf(AssetState.class);
        for (AssetState candidate : values()) {
            if (candidate.successors().contains(this)) {
                result.add(candidate);
            }
        }
        return result;
    }

    public boolean canMoveTo(AssetState target) {
        return successors().contains(target);
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }
}
