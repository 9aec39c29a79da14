package dev.assetflow.domain.breaker;

/**
 * Port: what pulls a step's work from its queues, turned off while its circuit is open and on again
 * for the probe. On AWS it is the step's SQS event source mappings (disabled and enabled again).
 */
public interface WorkIntake {

    /** @param owner what pulls the work: on AWS the function (alias) ARN the event source mappings invoke */
    void stop(String owner);

    void resume(String owner);
}
