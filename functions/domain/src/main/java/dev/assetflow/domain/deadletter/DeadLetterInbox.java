package dev.assetflow.domain.deadletter;

import java.time.Duration;
import java.util.List;

/**
 * Port: one dead-letter queue, read the way triage needs it: receiving hides a message for a while but
 * never removes it, and releasing makes it visible again at once.
 */
public interface DeadLetterInbox {

    /** A received dead letter: what triage reads, and the handle that releases it. */
    interface Received {
        DeadLetterTriage.DeadLetter letter();

        String receiptHandle();
    }

    /** Where the letters are, for logs. */
    String url();

    /** Visible plus in-flight messages: what an operator would call the queue's contents. */
    int approximateDepth();

    /** Up to {@code max} letters, hidden from other readers for {@code hideFor}. */
    List<? extends Received> receive(int max, Duration hideFor);

    /** Makes letters visible again at once, for the next reader. */
    void release(List<? extends Received> received);
}
