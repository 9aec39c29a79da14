package dev.assetflow.domain.backfill;

import dev.assetflow.domain.asset.SourceObject;

/** Port: hands one existing object to ingest, as a backfill at bulk priority (a message on the ingest queue). */
public interface BackfillIntroducer {

    void introduce(String runId, SourceObject object);
}
