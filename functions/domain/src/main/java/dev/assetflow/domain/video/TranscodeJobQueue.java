package dev.assetflow.domain.video;

import dev.assetflow.domain.work.WorkMessage;
import java.time.Duration;

/**
 * The MediaConvert work queues (one per priority class), as the submitter and the completion function
 * use them: the submitter sends a video's work message to itself again, delayed, to watch its job; the
 * completion function sends it again to resubmit after a service error.
 */
public interface TranscodeJobQueue {
    /** {@code delay} of at most 15 minutes, SQS's limit for DelaySeconds. */
    void send(WorkMessage work, Duration delay);
}
