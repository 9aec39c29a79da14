package dev.assetflow.domain.backfill;

import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.json.Json;

/**
 * What a backfill puts on the ingest queue for one existing object: ingest takes it like an S3 ObjectCreated record
 * of that object, and routes it at bulk priority whatever the rule's class. JSON: {@code {"backfill": {...}}}.
 */
public record BackfillMessage(Body backfill) {

    public record Body(String runId, SourceObject object) {}

    public static String encode(String runId, SourceObject object) {
        return Json.write(new BackfillMessage(new Body(runId, object)));
    }
}
