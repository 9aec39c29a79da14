package dev.assetflow.aws.clients;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Everything that differs between hosts when building a client: region, endpoint override (the local
 * stack, LocalStack, or none on AWS), credentials, and interceptors (fault injection hooks in here).
 */
public record ClientSettings(
        Region region,
        Optional<URI> endpoint,
        AwsCredentialsProvider credentials,
        Duration apiCallTimeout,
        List<ExecutionInterceptor> interceptors) {

    public ClientSettings {
        interceptors = List.copyOf(interceptors);
    }

    /** On Lambda: region and credentials from the runtime's environment; AWS_ENDPOINT_URL if a user sets one. */
    public static ClientSettings fromEnvironment(Map<String, String> env) {
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        Optional<URI> endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create);
        return new ClientSettings(Region.of(region), endpoint, DefaultCredentialsProvider.builder().build(),
                Duration.ofSeconds(30), List.of());
    }

    /** For an emulator (moto, LocalStack): any static credentials are accepted. */
    public static ClientSettings forEmulator(URI endpoint, String region) {
        return new ClientSettings(Region.of(region), Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("assetflow-local", "assetflow-local")),
                Duration.ofSeconds(30), List.of());
    }

    public ClientSettings withInterceptors(List<ExecutionInterceptor> added) {
        return new ClientSettings(region, endpoint, credentials, apiCallTimeout, added);
    }
}
