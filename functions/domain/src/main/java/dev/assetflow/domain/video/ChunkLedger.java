package dev.assetflow.domain.video;

import dev.assetflow.domain.asset.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Port: the fan-in of a segmented video. Each chunk's result is recorded and counted with one
 * conditional write, so a redelivered chunk message is never counted twice; the write that makes the
 * count reach the total is told so ({@link Count.Completed}) and starts the assembly.
 */
public interface ChunkLedger {

    Count recordDone(AssetId asset, String profile, int profileVersion, int totalChunks, ChunkResult result);

    /**
     * Claims the assembly of a whole set until {@code until} (the claimant's invocation deadline: Lambda
     * ends it by then), unless another claim is still running; true if this call holds it. Two parts can
     * both see the set whole (the one that completed it, and a duplicate of the last part); only the
     * holder assembles, so every rendition is announced once. A claim whose holder died expires with it.
     */
    boolean claimAssembly(AssetId asset, String profile, int profileVersion, Instant until, Instant now);

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
