package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import java.util.Optional;

/** Port: sends work to the queue of its kind and priority class, or to the review queue. */
public interface WorkDispatcher {

    /** The work queue for this kind, priority class and transcoder, if this deployment has one (checked before promising work). */
    Optional<WorkQueue> queueFor(MediaKind kind, Priority priority, String transcoder);

    /**
     * A work queue as an operator finds it in the console: its name, and whether anything in this
     * deployment consumes it (work sent to a queue without a consumer waits there until one arrives).
     */
    record WorkQueue(String name, boolean consumed) {}

    /** Sends to the work queue matching the message's kind and route; fails with CONFIGURATION if none exists. */
    void dispatch(WorkMessage message);

    /** Sends to the review queue, where a human looks at what no rule accepted. */
    void sendToReview(WorkMessage message);
}
