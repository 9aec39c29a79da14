package dev.assetflow.domain.asset;

/** What a conditional state write found. Only {@link Applied} changed anything. */
public sealed interface TransitionOutcome {

    Asset asset();

    /** The asset moved; the returned asset is the state after the write. */
    record Applied(Asset asset) implements TransitionOutcome {}

    /** The asset was already in the target state: a repeated message. Nothing changed. */
    record AlreadyThere(Asset asset) implements TransitionOutcome {}

    /** The asset is in a state the target cannot be entered from (it would move backwards). */
    record Refused(Asset asset, AssetState requested) implements TransitionOutcome {}

    default boolean applied() {
        return this instanceof Applied;
    }
}
