package dev.assetflow.ops;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import java.net.URI;
import java.util.Optional;

/** The clients of an operator command: an emulator's endpoint when given, else AWS as the environment configures it. */
public final class CommandClients {

    private CommandClients() {
    }

    public static AwsClients of(Optional<URI> endpoint, String region) {
        return new AwsClients(endpoint.map(e -> ClientSettings.forEmulator(e, region))
                .orElseGet(() -> ClientSettings.fromEnvironment(System.getenv())));
    }
}
