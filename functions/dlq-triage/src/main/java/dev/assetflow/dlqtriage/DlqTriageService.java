package dev.assetflow.dlqtriage;

import com.amazonaws.services.lambda.runtime.Context;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.deadletter.DynamoFailureLog;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.aws.events.SnsEventPublisher;
import dev.assetflow.aws.deadletter.DeadLetterQueue;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.Transition;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.metrics.StageMetrics;
import dev.assetflow.domain.deadletter.DeadLetterInbox;
import dev.assetflow.domain.deadletter.DeadLetterTriage;
import dev.assetflow.domain.deadletter.FailedMessage;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.deadletter.FailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One sweep over every dead-letter queue. Each message not triaged yet gets its failure named
 * ({@link DeadLetterTriage}); its asset, if it has one that is still on its way, goes FAILED with that
 * failure and {@code asset.failed} is announced; the failure record is written last, so a sweep that
 * dies half way is simply repeated by the next one. Messages stay in their DLQ, hidden only while a
 * sweep triages them.
 */
final class DlqTriageService {
    private static final Logger LOG = LoggerFactory.getLogger(DlqTriageService.class);
    private static final String BY = "dlq-triage";
    /** Left at the end of an invocation, so that the last batch is handled before the function's timeout. */
    private static final Duration END_MARGIN = Duration.ofSeconds(5);

    private final List<DeadLetterInbox> queues;
    private final FailureLog failures;
    private final AssetRepository assets;
    private final EventOutbox outbox;
    private final StageMetrics metrics;
    private final Duration hideFor;
    private final Clock clock;

    DlqTriageService(List<DeadLetterInbox> queues, FailureLog failures, AssetRepository assets, EventOutbox outbox,
            StageMetrics metrics, Duration hideFor, Clock clock) {
        this.queues = List.copyOf(queues);
        this.failures = failures;
        this.assets = assets;
        this.outbox = outbox;
        this.metrics = metrics;
        this.hideFor = hideFor;
        this.clock = clock;
    }

    static DlqTriageService wire(AwsClients clients, DlqTriageConfig config, Map<String, String> environment) {
        Clock clock = Clock.systemUTC();
        AssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable());
        List<DeadLetterInbox> queues = config.deadLetterQueueUrls().entrySet().stream()
                .<DeadLetterInbox>map(e -> new DeadLetterQueue(clients.sqs(), e.getKey(), e.getValue())).toList();
        return new DlqTriageService(queues, new DynamoFailureLog(clients.dynamoDb(), config.failuresTable()), assets,
                new EventOutbox(assets, new SnsEventPublisher(clients.sns(), config.eventsTopicArn()), clock),
                PipelineMetrics.forStage(BY, environment), config.hideFor(), clock);
    }

    /** What one sweep did. */
    record Report(int received, int triaged, int alreadyTriaged, int assetsFailed, int errors) {
        Map<String, Integer> asMap() {
            Map<String, Integer> map = new LinkedHashMap<>();
            map.put("received", received);
            map.put("triaged", triaged);
            map.put("alreadyTriaged", alreadyTriaged);
            map.put("assetsFailed", assetsFailed);
            map.put("errors", errors);
            return map;
        }
    }

    Report sweep(Context context) {
        Instant deadline = clock.instant().plusMillis(context == null ? 50_000 : context.getRemainingTimeInMillis())
                .minus(END_MARGIN);
        Map<Result, Integer> results = new EnumMap<>(Result.class);
        int received = 0;
        int unreadableQueues = 0;
        for (DeadLetterInbox queue : queues) {
            try {
                int depth = queue.approximateDepth();
                // each batch is released as soon as it is triaged, so the DLQ stays readable for operators and
                // the redrive command; the sweep ends when the queue offers nothing it has not seen
                Set<String> seen = new HashSet<>();
                while (seen.size() < depth && clock.instant().isBefore(deadline)) {
                    List<? extends DeadLetterInbox.Received> batch = queue.receive(10, hideFor);
                    boolean news = false;
                    try {
                        for (DeadLetterInbox.Received letter : batch) {
                            if (seen.add(letter.letter().messageId())) {
                                news = true;
                                received++;
                                results.merge(triage(letter), 1, Integer::sum);
                            }
                        }
                    } finally {
                        queue.release(batch);
                    }
                    if (!news) {
                        break;
                    }
                }
            } catch (FailureException e) {
                unreadableQueues++;
                LOG.warn("could not read dead-letter queue {}; the next sweep tries again: {}", queue.url(), e.failure());
            }
        }
        int assetsFailed = results.getOrDefault(Result.TRIAGED_AND_ASSET_FAILED, 0);
        return new Report(received, results.getOrDefault(Result.TRIAGED, 0) + assetsFailed,
                results.getOrDefault(Result.ALREADY_TRIAGED, 0), assetsFailed,
                results.getOrDefault(Result.ERROR, 0) + unreadableQueues);
    }

    private enum Result { TRIAGED, ALREADY_TRIAGED, TRIAGED_AND_ASSET_FAILED, ERROR }

    private Result triage(DeadLetterInbox.Received received) {
        DeadLetterTriage.DeadLetter letter = received.letter();
        MDC.put("messageId", letter.messageId());
        try {
            Optional<FailedMessage> recorded = failures.find(letter.messageId());
            if (recorded.isPresent() && recorded.get().status() == FailedMessage.Status.DEAD_LETTERED) {
                return Result.ALREADY_TRIAGED;
            }
            FailedMessage failed = DeadLetterTriage.triage(letter, recorded, clock.instant());
            if (failed.assetId() != null) {
                MDC.put("assetId", failed.assetId());
            }
            boolean assetFailed = failed.assetId() != null && DeadLetterTriage.concernsAsset(letter.body())
                    && failAsset(new AssetId(failed.assetId()), failed);
            if (!failures.recordDeadLettered(failed)) {
                return Result.ALREADY_TRIAGED;
            }
            metrics.record("DeadLettered", failed.lastFailure().category().name(),
                    letter.sentAt() == null ? null : Duration.between(letter.sentAt(), clock.instant()).toMillis());
            LOG.error("dead letter from {} ({}, {} deliveries): {}", failed.sourceQueue(), failed.stage(),
                    failed.attempts(), failed.lastFailure());
            return assetFailed ? Result.TRIAGED_AND_ASSET_FAILED : Result.TRIAGED;
        } catch (FailureException e) {
            LOG.warn("could not triage dead letter {}; the next sweep tries again: {}", letter.messageId(), e.failure());
            return Result.ERROR;
        } finally {
            MDC.remove("messageId");
            MDC.remove("assetId");
        }
    }

    /** FAILED with the dead letter's failure, and announced; true if the asset was still on its way. */
    private boolean failAsset(AssetId id, FailedMessage failed) {
        Optional<Asset> found = assets.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Asset asset = found.get();
        if (asset.state().isTerminal()) {
            outbox.announceTerminal(asset); // completes an announcement a crashed sweep left undone
            return false;
        }
        Failure failure = Failure.of(failed.lastFailure().category(), "dead-lettered from " + failed.sourceQueue()
                + ": " + failed.lastFailure().reason());
        Asset stored = assets.transition(asset, Transition.to(AssetState.FAILED, clock.instant(), BY, "")
                .withFailure(failure)).asset();
        outbox.announceTerminal(stored);
        return stored.state() == AssetState.FAILED;
    }
}
