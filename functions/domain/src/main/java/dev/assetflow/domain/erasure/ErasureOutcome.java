package dev.assetflow.domain.erasure;

import dev.assetflow.domain.asset.Asset;

/** What {@code DELETE /assets/{id}} came to. */
public sealed interface ErasureOutcome {

    /** Its renditions ({@code objects} in the renditions bucket), records and, when asked, original are gone. */
    record Erased(Asset was, long objects, int records, boolean originalErased) implements ErasureOutcome {}

    record NotFound() implements ErasureOutcome {}

    /** Work on it may still write renditions: erase it once it is terminal. */
    record InFlight(Asset asset) implements ErasureOutcome {}
}
