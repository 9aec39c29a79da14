package dev.assetflow.domain.listing;

import dev.assetflow.domain.asset.AssetState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long the oldest asset waiting in each work queue has waited: among QUEUED assets, the one each
 * {@code kind/priority} queue has held longest since it was queued (its last write: a priority change or a
 * reprocess sends its work again, so the wait starts again). This is the console's "oldest waiting" column. SQS has
 * no attribute for the age of a queue's oldest message, only the CloudWatch metric ApproximateAgeOfOldestMessage
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html),
 * which the stack alarms on; the assets' own records tell the same story per asset, and name the asset.
 */
public final class OldestWaiting {
    private OldestWaiting() {}

    /** The asset that has waited longest in one queue, since when, and for how many seconds at {@code now}. */
    public record Waiting(String assetId, Instant since, long ageSeconds) {}

    /** Keyed by the work queue's {@code kind/priority}, as the functions' WORK_QUEUES name them. */
    public static Map<String, Waiting> byQueue(Collection<AssetSummary> assets, Instant now) {
        Map<String, Waiting> oldest = new TreeMap<>();
        assets.stream()
                .filter(a -> AssetState.QUEUED.name().equals(a.state()) && a.kind() != null && a.priority() != null)
                .sorted(Comparator.comparing(AssetSummary::updatedAt))
                .forEach(a -> oldest.putIfAbsent(a.kind() + "/" + a.priority(),
                        new Waiting(a.assetId(), a.updatedAt(), age(a.updatedAt(), now))));
        return oldest;
    }

    private static long age(Instant since, Instant now) {
        return since.isAfter(now) ? 0 : Duration.between(since, now).toSeconds();
    }
}
