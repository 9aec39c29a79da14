package dev.assetflow.infra;

import dev.assetflow.topology.WebhookSpec;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * One Secrets Manager secret per webhook: the key its deliveries are signed with, generated at deploy time (64 letters
 * and digits), never in the template, the code or a log. The operator reads it (GetSecretValue, the output
 * {@code Webhook<Name>SecretArn}) and gives it to the subscriber. Kept when the stack is deleted, so a redeploy does not
 * silently change the key every receiver checks.
 */
final class WebhookSecrets extends Construct {
    private final Map<String, Secret> secrets = new TreeMap<>();

    WebhookSecrets(Construct scope, Map<String, WebhookSpec> webhooks) {
        super(scope, "WebhookSecrets");
        webhooks.forEach((name, webhook) -> secrets.put(name, Secret.Builder.create(this, Names.pascal(name))
                .description("Assetflow webhook " + name + ": the key its deliveries are signed with (README, Webhooks)")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(64).build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build()));
    }

    Secret secret(String webhook) {
        Secret secret = secrets.get(webhook);
        if (secret == null) {
            throw new IllegalArgumentException("no webhook named '" + webhook + "' in the topology");
        }
        return secret;
    }

    Map<String, Secret> all() {
        return Map.copyOf(secrets);
    }
}
