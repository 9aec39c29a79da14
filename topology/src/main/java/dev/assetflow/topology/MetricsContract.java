package dev.assetflow.topology;

/**
 * The custom metrics the functions emit (CloudWatch embedded metric format) and the dashboard and
 * alarms read: defined once, here, next to the rest of the topology.
 */
public final class MetricsContract {
    public static final String NAMESPACE = "Assetflow";

    /** Count of SQS records handled, by {@link #STAGE} and {@link #OUTCOME} (Done, Duplicate, Settled, Retry). */
    public static final String RECORDS = "Records";
    /** Count of failures, by {@link #STAGE} and {@link #CATEGORY} (the failure taxonomy). */
    public static final String FAILURES = "Failures";
    /** Milliseconds from a message's arrival on its queue to the end of its handling, by {@link #STAGE}. */
    public static final String LATENCY = "LatencyMs";

    /** Count of circuit-breaker transitions, by {@link #STAGE} and {@link #BREAKER_STATE} (OPEN, HALF_OPEN, CLOSED). */
    public static final String BREAKER_TRANSITIONS = "BreakerTransitions";

    /**
     * Count of configuration versions a function refused (the last good one kept serving), by
     * {@link #CONFIG_DOCUMENT} alone (what the alarm reads) and by {@link #STAGE} and document.
     */
    public static final String CONFIG_REJECTED = "ConfigRejected";

    public static final String STAGE = "Stage";
    public static final String CONFIG_DOCUMENT = "ConfigDocument";
    public static final String BREAKER_STATE = "BreakerState";
    public static final String OUTCOME = "Outcome";
    public static final String CATEGORY = "Category";

    private MetricsContract() {
    }
}
