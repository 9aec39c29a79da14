package dev.assetflow.aws.webhook;

import dev.assetflow.aws.clients.SdkFailures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A webhook's signing key: the secret string in Secrets Manager, as UTF-8 bytes (what a receiver feeds its HMAC too).
 * Read once and kept {@link #KEPT} per execution environment, so a rotated secret is used within minutes without a
 * call per delivery. It is never logged.
 */
public final class SigningSecret implements Supplier<byte[]> {
    static final Duration KEPT = Duration.ofMinutes(5);
    private final SecretsManagerClient secrets;
    private final String secretArn;
    private final Clock clock;
    private byte[] key;
    private Instant readAt;

    public SigningSecret(SecretsManagerClient secrets, String secretArn, Clock clock) {
        this.secrets = secrets;
        this.secretArn = secretArn;
        this.clock = clock;
    }

    @Override
    public synchronized byte[] get() {
        Instant now = clock.instant();
        if (key == null || readAt.plus(KEPT).isBefore(now)) {
            try {
                key = secrets.getSecretValue(b -> b.secretId(secretArn)).secretString().getBytes(StandardCharsets.UTF_8);
            } catch (SdkException e) {
                throw SdkFailures.translate(e, "GetSecretValue of the webhook's signing secret");
            }
            readAt = now;
        }
        return key.clone();
    }
}
