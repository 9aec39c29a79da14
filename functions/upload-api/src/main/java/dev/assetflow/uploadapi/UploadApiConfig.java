package dev.assetflow.uploadapi;

import dev.assetflow.domain.upload.MultipartPlan;
import dev.assetflow.domain.upload.UploadPolicy;
import dev.assetflow.runtime.config.Env;
import java.time.Duration;
import java.util.Map;

/**
 * The upload API's configuration, read once from its environment.
 *
 * @param limits        {@code MAX_UPLOAD_BYTES} (10 GiB; at most S3's 5 TiB), {@code MULTIPART_THRESHOLD_BYTES}
 *                      (64 MiB: above it a file goes in parts), {@code MIN_PART_BYTES} (8 MiB; S3's floor is 5 MiB)
 * @param uploadUrlTtl  how long a PUT or part URL is valid ({@code UPLOAD_URL_TTL_SECONDS}, 1 s to 1 h)
 * @param uploadLifetime how long a multipart upload stays open ({@code MULTIPART_UPLOAD_DAYS}, 7: the
 *                      uploads bucket's lifecycle rule aborts what is left unfinished after as many days)
 */
record UploadApiConfig(String uploadsBucket, String assetsTable, String uploadsTable, UploadPolicy.Limits limits, Duration uploadUrlTtl,
        Duration uploadLifetime) {

    static UploadApiConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        Duration ttl = env.seconds("UPLOAD_URL_TTL_SECONDS", 900);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException("UPLOAD_URL_TTL_SECONDS must be between 1 and 3600");
        }
        UploadPolicy.Limits limits;
        try {
            limits = new UploadPolicy.Limits(env.longValue("MAX_UPLOAD_BYTES", 10L * 1024 * MultipartPlan.MIB),
                    env.longValue("MULTIPART_THRESHOLD_BYTES", 64 * MultipartPlan.MIB), env.longValue("MIN_PART_BYTES", 8 * MultipartPlan.MIB));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MAX_UPLOAD_BYTES, MULTIPART_THRESHOLD_BYTES, MIN_PART_BYTES: " + e.getMessage(), e);
        }
        return new UploadApiConfig(env.required("UPLOADS_BUCKET"), env.required("ASSETS_TABLE"), env.required("UPLOADS_TABLE"), limits, ttl,
                Duration.ofDays(env.longValue("MULTIPART_UPLOAD_DAYS", 7)));
    }
}
