package dev.assetflow.domain.ports;

import dev.assetflow.domain.work.WorkMessage;

/** Port: sends work to the queue of its kind and priority class, or to the review queue. */
public interface WorkDispatcher {

    /** Sends to the work queue matching the message's kind and route; fails with CONFIGURATION if none exists. */
    void dispatch(WorkMessage message);

    /** Sends to the review queue, where a human looks at what no rule accepted. */
    void sendToReview(WorkMessage message);
}
