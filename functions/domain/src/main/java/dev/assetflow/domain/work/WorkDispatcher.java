package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;

/** Port: sends work to the queue of its kind and priority class, or to the review queue. */
public interface WorkDispatcher {

    /** Whether a work queue exists for this kind, priority class and transcoder (checked before promising work). */
    boolean hasQueueFor(MediaKind kind, Priority priority, String transcoder);

    /** Sends to the work queue matching the message's kind and route; fails with CONFIGURATION if none exists. */
    void dispatch(WorkMessage message);

    /** Sends to the review queue, where a human looks at what no rule accepted. */
    void sendToReview(WorkMessage message);
}
