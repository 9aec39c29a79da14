package dev.assetflow.uploadapi;

import dev.assetflow.runtime.config.Env;
import java.time.Duration;
import java.util.Map;

/** The upload API's configuration, read once from its environment. */
record UploadApiConfig(String uploadsBucket, String assetsTable, long maxUploadBytes, Duration uploadUrlTtl) {

    static UploadApiConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        Duration ttl = env.seconds("UPLOAD_URL_TTL_SECONDS", 900);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException("UPLOAD_URL_TTL_SECONDS must be between 1 and 3600");
        }
        return new UploadApiConfig(env.required("UPLOADS_BUCKET"), env.required("ASSETS_TABLE"),
                env.longValue("MAX_UPLOAD_BYTES", 5L * 1024 * 1024 * 1024), ttl);
    }
}
