package dev.assetflow.aws.clients;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The one client factory. Clients are built lazily, once per container (a Lambda execution
 * environment, or the local stack's JVM), and shared by every invocation: building one costs far more
 * than a call (see the README's performance notes). The URLConnection HTTP client keeps the classpath
 * and the cold start small.
 */
public final class AwsClients implements AutoCloseable {
    private final ClientSettings settings;
    private final List<AutoCloseable> built = new ArrayList<>();
    private S3Client s3;
    private S3Presigner presigner;
    private SqsClient sqs;
    private SnsClient sns;
    private DynamoDbClient dynamoDb;
    private LambdaClient lambda;
    private EventBridgeClient eventBridge;
    private SsmClient ssm;
    private SecretsManagerClient secretsManager;

    public AwsClients(ClientSettings settings) {
        this.settings = settings;
    }

    /** The container-wide instance used by the handlers' no-argument constructors. */
    public static AwsClients shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final AwsClients INSTANCE = new AwsClients(ClientSettings.fromEnvironment(System.getenv()));
    }

    public ClientSettings settings() {
        return settings;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // moto and most emulators serve buckets by path, not by virtual host
            s3 = track(configure(S3Client.builder()
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.endpoint().isPresent()).build()))
                    .build());
        }
        return s3;
    }

    public synchronized S3Presigner presigner() {
        if (presigner == null) {
            S3Presigner.Builder builder = S3Presigner.builder()
                    .region(settings.region())
                    .credentialsProvider(settings.credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.endpoint().isPresent()).build());
            settings.endpoint().ifPresent(builder::endpointOverride);
            presigner = track(builder.build());
        }
        return presigner;
    }

    /** Only for the circuit breakers, which switch event source mappings off and on. */
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = track(configure(LambdaClient.builder()).build());
        }
        return lambda;
    }

    /** Only for operational events (circuit-breaker transitions). */
    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = track(configure(EventBridgeClient.builder()).build());
        }
        return eventBridge;
    }

    /** Configuration documents (routing rules, profiles) in Parameter Store. */
    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = track(configure(SsmClient.builder()).build());
        }
        return ssm;
    }

    /** Only for webhook signing secrets. */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager = track(configure(SecretsManagerClient.builder()).build());
        }
        return secretsManager;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = track(configure(SqsClient.builder()).build());
        }
        return sqs;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = track(configure(SnsClient.builder()).build());
        }
        return sns;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = track(configure(DynamoDbClient.builder()).build());
        }
        return dynamoDb;
    }

    /** The settings' interceptors, and the trace header carried on every call ({@link TracePropagation}). */
    private static List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> withTracing(
            List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
        List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(new TracePropagation());
        return all;
    }

    /** Applies this factory's settings to any SDK client builder (for clients the functions do not need). */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(settings.region())
                .credentialsProvider(settings.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(settings.apiCallTimeout())
                        .executionInterceptors(withTracing(settings.interceptors()))
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private <T extends AutoCloseable> T track(T client) {
        built.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : built) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing is best effort at shutdown
            }
        }
        built.clear();
    }
}
