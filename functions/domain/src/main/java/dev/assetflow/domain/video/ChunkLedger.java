package dev.assetflow.domain.video;

import dev.assetflow.domain.asset.AssetId;
import java.util.List;
import java.util.Set;

/**
 * Port: the fan-in of a segmented video. Each chunk's result is recorded and counted with one
 * conditional write, so a redelivered chunk message is never counted twice; the write that makes the
 * count reach the total is told so ({@link Count.Completed}) and starts the assembly.
 */
public interface ChunkLedger {

    Count recordDone(AssetId asset, String profile, int profileVersion, int totalChunks, ChunkResult result);

    /** The indexes of the chunks counted so far (one read): what a chunk worker checks before encoding again. */
    Set<Integer> counted(AssetId asset, String profile, int profileVersion);

    /** Every recorded chunk result, in chunk order. */
    List<ChunkResult> results(AssetId asset, String profile, int profileVersion);

    /** How far every segmented job of the asset is (one per profile version): what GET /assets/{id} shows. */
    List<Progress> progress(AssetId asset);

    record Progress(String profile, int profileVersion, int done, int total) {}

    sealed interface Count {
        /** Counted; {@code done} of {@code total} chunks are now done. */
        record Counted(int done, int total) implements Count {}

        /** This chunk completed the set: assemble. */
        record Completed(int total) implements Count {}

        /**
         * The chunk was counted before (a redelivered message). When {@code done == total} the caller
         * assembles again: the first try may have died after counting, and assembly is idempotent.
         */
        record AlreadyCounted(int done, int total) implements Count {}
    }
}
