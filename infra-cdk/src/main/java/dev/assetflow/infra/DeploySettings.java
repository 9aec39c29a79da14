package dev.assetflow.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.constructs.Node;

/**
 * What a team sets when it deploys, as CDK context ({@code cdk deploy -c key=value}); every value has
 * a production default. See README, "Deploying to AWS".
 */
public record DeploySettings(
        Optional<String> ffmpegLayerArn,
        String ffmpegLayerPath,
        Optional<String> jwtIssuer,
        List<String> jwtAudience,
        List<String> corsAllowedOrigins,
        int archiveOriginalsAfterDays,
        Optional<String> alarmEmail,
        int apiRateLimit,
        int apiBurstLimit,
        int logRetentionDays,
        int accountConcurrencyLimit) {

    public DeploySettings {
        if (jwtIssuer.isPresent() && jwtAudience.isEmpty()) {
            // an HTTP API JWT authorizer needs at least one audience; CloudFormation rejects an empty list at deploy time
            throw new IllegalArgumentException("context jwtIssuer needs jwtAudience too (the app client ids your tokens are"
                    + " issued for, comma-separated): -c jwtAudience=CLIENT_ID");
        }
    }

    public static DeploySettings from(Node node) {
        return new DeploySettings(
                text(node, "ffmpegLayerArn"),
                text(node, "ffmpegLayerPath").orElse("target/ffmpeg-layer"),
                text(node, "jwtIssuer"),
                list(node, "jwtAudience"),
                text(node, "corsAllowedOrigins").map(DeploySettings::split).orElse(List.of("*")),
                number(node, "archiveOriginalsAfterDays", 0),
                text(node, "alarmEmail"),
                number(node, "apiRateLimit", 50),
                number(node, "apiBurstLimit", 100),
                number(node, "logRetentionDays", 30),
                number(node, "accountConcurrencyLimit", 1000));
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }

    private static List<String> list(Node node, String key) {
        return text(node, key).map(DeploySettings::split).orElse(List.of());
    }

    private static int number(Node node, String key, int fallback) {
        Optional<String> value = text(node, key);
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("context " + key + " must be a whole number, not " + value.get());
        }
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
