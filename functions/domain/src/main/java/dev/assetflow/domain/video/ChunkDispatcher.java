package dev.assetflow.domain.video;

import dev.assetflow.domain.asset.Priority;
import java.util.List;

/**
 * Port: sends a segmented video's parts to the chunk queue of its priority class, so a critical video's
 * chunks never wait behind a bulk video's.
 */
public interface ChunkDispatcher {

    void dispatch(Priority priority, List<ChunkWork> parts);
}
