package dev.assetflow.topology;

/**
 * An SQS queue. With {@code maxReceiveCount} it gets a dead-letter queue that SQS moves a message to
 * after that many receives. {@code work} marks a work queue for a (kind, priority) pair;
 * {@code consumer} is the event source mapping that feeds a function. {@code oldestMessageAlarmSeconds}
 * is the age of the oldest message past which an alarm fires (how long work may wait in this class).
 */
public record QueueSpec(
        String purpose,
        int visibilityTimeoutSeconds,
        Integer maxReceiveCount,
        Integer messageRetentionSeconds,
        Integer oldestMessageAlarmSeconds,
        WorkSpec work,
        ConsumerSpec consumer) {

    public boolean hasDeadLetterQueue() {
        return maxReceiveCount != null && maxReceiveCount > 0;
    }

    /** A work queue for a kind and priority, and a transcoder when it is not the in-function one (ffmpeg). */
    public record WorkSpec(String kind, String priority, String transcoder) {
        public String key() {
            return key(kind, priority, transcoder);
        }

        /**
         * The key a dispatcher looks a work queue up by: {@code image/critical}, {@code video/bulk/mediaconvert}.
         * Every ffmpeg engine ({@code ffmpeg}, {@code ffmpeg-segmented}, ...) starts at the kind's worker queue.
         */
        public static String key(String kind, String priority, String transcoder) {
            return kind + "/" + priority + (transcoder == null || transcoder.startsWith("ffmpeg") ? "" : "/" + transcoder);
        }
    }

    /** Batch size and maximum concurrency are what Lambda's SQS event source mapping offers. */
    public record ConsumerSpec(String function, int batchSize, int maxConcurrency) {}
}
