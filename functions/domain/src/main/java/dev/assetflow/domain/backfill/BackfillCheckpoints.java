package dev.assetflow.domain.backfill;

import java.util.Optional;

/** Port: where backfill runs are checkpointed (a DynamoDB table). */
public interface BackfillCheckpoints {

    /** Creates the run; false if one of that id exists. */
    boolean create(BackfillRun run);

    Optional<BackfillRun> load(String runId);

    /**
     * Saves {@code run} as version {@code run.version() + 1}, only if the stored one is still {@code run.version()}.
     * @return the saved run, or empty when another writer (a pause, another runner) saved first
     */
    Optional<BackfillRun> save(BackfillRun run);
}
