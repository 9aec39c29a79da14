package dev.assetflow.opsapi;

import dev.assetflow.aws.sqs.SqsQueues;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.listing.AssetListing;
import dev.assetflow.domain.listing.AssetQuery;
import dev.assetflow.domain.listing.AssetSummary;
import dev.assetflow.domain.listing.OldestWaiting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every queue's approximate depth: the ingest and work queues (visible, in flight, delayed) with their dead letters
 * beside them, then the dead-letter queues of the other queues (subscribers, backfill). Each work queue also names
 * the asset that has waited in it longest and since when ({@link OldestWaiting}, from the QUEUED assets of the
 * by-state index, newest {@link #WAITING_READ} at most: {@code waitingAllRead} says whether that was all of them).
 */
final class QueueOverview {
    private final SqsClient sqs;
    private final Map<String, String> sourceUrls;
    private final Map<String, String> dlqUrlBySource;
    private final AssetListing listing;
    private final Clock clock;
    static final int WAITING_READ = 2000;

    QueueOverview(SqsClient sqs, Map<String, String> sourceUrls, Map<String, String> dlqUrlBySource, AssetListing listing, Clock clock) {
        this.sqs = sqs;
        this.sourceUrls = sourceUrls;
        this.dlqUrlBySource = dlqUrlBySource;
        this.listing = listing;
        this.clock = clock;
    }

    /**
     * {@code work}: the kind/priority a work queue serves, "ingest", or null for a queue known only by its DLQ;
     * {@code oldestWaiting}: null when no asset waits in it (and for ingest and dead-letter-only queues).
     */
    record Queue(String name, String work, Integer visible, Integer inFlight, Integer delayed, int deadLetters,
            OldestWaiting.Waiting oldestWaiting) {}

    /** The queues, and whether every QUEUED asset was read to find the oldest waiting. */
    record Overview(List<Queue> queues, boolean waitingAllRead) {}

    Overview all() {
        Instant now = clock.instant();
        List<AssetSummary> queued = new ArrayList<>();
        boolean allRead = readQueued(now, queued);
        Map<String, OldestWaiting.Waiting> oldest = OldestWaiting.byQueue(queued, now);
        List<Queue> queues = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        sourceUrls.forEach((work, url) -> {
            String name = url.substring(url.lastIndexOf('/') + 1);
            SqsQueues.Counts counts = SqsQueues.counts(sqs, url);
            queues.add(new Queue(name, work, counts.visible(), counts.inFlight(), counts.delayed(), deadLetters(name), oldest.get(work)));
            seen.add(name);
        });
        dlqUrlBySource.keySet().stream().filter(source -> !seen.contains(source)).sorted()
                .forEach(source -> queues.add(new Queue(source, null, null, null, null, deadLetters(source), null)));
        return new Overview(queues, allRead);
    }

    /** Reads QUEUED assets, newest first, up to {@link #WAITING_READ}; true when there were no more. */
    private boolean readQueued(Instant now, List<AssetSummary> into) {
        String cursor = null;
        do {
            AssetListing.Page page = listing.list(new AssetQuery(AssetState.QUEUED, null, null, null, null, Instant.EPOCH,
                    now.plusSeconds(60), AssetQuery.MAX_LIMIT, cursor));
            into.addAll(page.assets());
            cursor = page.cursor();
        } while (cursor != null && into.size() < WAITING_READ);
        return cursor == null;
    }

    private int deadLetters(String source) {
        String dlq = dlqUrlBySource.get(source);
        return dlq == null ? 0 : SqsQueues.depth(sqs, dlq);
    }
}
