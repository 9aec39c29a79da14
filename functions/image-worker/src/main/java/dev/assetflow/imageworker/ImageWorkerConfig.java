package dev.assetflow.imageworker;

import dev.assetflow.aws.lambda.Env;
import dev.assetflow.media.MediaTools;
import java.nio.file.Path;
import java.util.Map;

/** The image worker's configuration, read once from its environment. */
record ImageWorkerConfig(
        String renditionsBucket,
        String assetsTable,
        String eventsTopicArn,
        Map<String, String> deadLetterQueueUrls,
        String profilesLocation,
        long maxSourceBytes,
        long maxImagePixels,
        Path workDirectory,
        MediaTools tools) {

    static ImageWorkerConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new ImageWorkerConfig(
                env.required("RENDITIONS_BUCKET"),
                env.required("ASSETS_TABLE"),
                env.required("EVENTS_TOPIC_ARN"),
                env.jsonMap("DEAD_LETTER_QUEUE_URLS"),
                env.optional("PROFILES", "classpath:/profiles.json"),
                env.longValue("MAX_SOURCE_BYTES", 200L * 1024 * 1024),
                env.longValue("MAX_IMAGE_PIXELS", 100_000_000L),
                Path.of(env.optional("WORK_DIRECTORY", System.getProperty("java.io.tmpdir"))),
                MediaTools.from(variables));
    }
}
