package dev.assetflow.domain.asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: where assets, their history and their rendition checkpoints are kept (DynamoDB). */
public interface AssetRepository {

    /** Creates the asset unless it exists; returns the stored asset either way. */
    Asset createIfAbsent(Asset asset);

    Optional<Asset> find(AssetId id);

    /**
     * Moves the asset from {@code current.state()} to {@code transition.to()}, only if that move is
     * allowed and the stored state is still {@code current.state()}; the history entry is appended in
     * the same write. A stale {@code current} yields AlreadyThere or Refused after a fresh read.
     */
    TransitionOutcome transition(Asset current, Transition transition);

    /**
     * Puts a {@link Asset#reopenable() reopenable} FAILED asset back to {@code to} (RECEIVED for
     * ingest, QUEUED for a worker) when its dead-lettered message is redriven, or a
     * {@link Asset#repairable() repairable} PARTIAL one back to QUEUED for a repair: clears its failure
     * and its terminal-event flag, and records the move in its history. Conditional on the stored
     * asset still being so; returns the asset as stored after the attempt.
     */
    Asset reopen(Asset asset, AssetState to, Instant at, String by);

    /**
     * Records a new route (a priority change) with its history entry, only if the stored asset is still in
     * {@code current}'s state with {@code current}'s route generation: two changes, or a change and a worker
     * starting, cannot both act on one reading.
     * @return the asset as stored after the write, or empty when it had moved on (read it again)
     */
    Optional<Asset> reroute(Asset current, RouteInfo route, HistoryEntry entry);

    /**
     * Appends {@code entry} to the history of an asset still in {@code entry.from()}, changing nothing else (not its
     * last update): who asked for an action whose effect a worker records later ({@link AssetAudit}).
     * @return false when the asset is unknown or has moved on
     */
    boolean note(AssetId id, HistoryEntry entry);

    /**
     * Puts a READY or PARTIAL asset back to QUEUED to be made again (a newer profile version), with {@code route}
     * (where its work is sent) and a history entry; conditional on the stored asset being as {@code current} was
     * read (state and last update). Clears its failure and its terminal-event flag, so the new version is announced.
     * @return the reopened asset, or empty when it had moved on
     */
    Optional<Asset> reopenToRedo(Asset current, RouteInfo route, String why, Instant at, String by);

    /**
     * Undoes {@link #reopenToRedo} when its work could not be sent: writes {@code previous} back, only if the asset is
     * still exactly as {@code reopened} (nothing started it). @return whether it was put back
     */
    boolean putBack(Asset previous, Asset reopened);

    /** Records what probing found (duration, size, codecs, pages): shown by GET /assets/{id}. */
    void recordMedia(AssetId id, Map<String, Object> media);

    /**
     * Records {@code media} only if what is recorded is still {@code expected} (what the caller read): two
     * writers racing on one record (a job's progress and its error) cannot undo each other.
     * @return false when another writer changed it first; read the asset again
     */
    boolean replaceMedia(AssetId id, Map<String, Object> expected, Map<String, Object> media);

    /** Sets the outbox flag once the terminal event is published. */
    void markTerminalAnnounced(AssetId id);

    List<Rendition> renditions(AssetId id);

    /** Deletes every record of the asset (the asset, its renditions, chunk ledger and shadow runs); returns how many. */
    int deleteAll(AssetId id);

    /** Writes a DONE checkpoint unless one exists; true if this call wrote it. */
    boolean checkpointRendition(Rendition done);

    /** Sets the outbox flag of a rendition once its rendition.ready event is published. */
    void markRenditionAnnounced(AssetId id, String checkpointKey);
}
