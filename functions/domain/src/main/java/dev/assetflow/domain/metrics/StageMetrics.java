package dev.assetflow.domain.metrics;

/** Port: the metrics a pipeline stage emits per record (the names the dashboard and alarms read). */
public interface StageMetrics {

    /**
     * @param outcome         what became of the record (Done, Duplicate, Settled, Retry, DeadLettered)
     * @param failureCategory its failure's category, or null
     * @param latencyMs       time since the message was sent, or null when unknown
     */
    void record(String outcome, String failureCategory, Long latencyMs);

    /** A circuit breaker of this stage moved to {@code state}. */
    void breakerTransition(String state);
}
