package dev.assetflow.runtime.config;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.config.SsmConfigSource;
import dev.assetflow.aws.metrics.PipelineMetrics;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.config.ConfigSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Opens a function's configuration documents by location: {@code ssm:<parameter name>} (what both hosts
 * deploy: re-read within {@code CONFIG_MAX_AGE_SECONDS}, at most 60), or a fixed {@code classpath:} /
 * {@code file:} document (read once). A refused version is counted as {@code ConfigRejected} for the stage.
 */
public final class LiveConfigs {
    /** Rule and profile changes take effect within this, without a deploy. */
    public static final Duration MAX_AGE_LIMIT = Duration.ofSeconds(60);

    private final AwsClients clients;
    private final Duration maxAge;
    private final PipelineMetrics metrics;

    /** What a function's environment says about its configuration: how stale it may be, where metrics go. */
    public record Settings(Duration maxAge, Map<String, String> metricsEnvironment) {
        public Settings {
            if (maxAge.isNegative() || maxAge.compareTo(MAX_AGE_LIMIT) > 0) {
                throw new IllegalArgumentException("CONFIG_MAX_AGE_SECONDS must be 0-60, not " + maxAge.toSeconds());
            }
            metricsEnvironment = Map.copyOf(metricsEnvironment);
        }

        public static Settings from(Env env) {
            String sink = env.optional("METRICS_SINK", "");
            return new Settings(env.seconds("CONFIG_MAX_AGE_SECONDS", MAX_AGE_LIMIT.toSeconds()),
                    sink.isEmpty() ? Map.of() : Map.of("METRICS_SINK", sink));
        }
    }

    public LiveConfigs(AwsClients clients, String stage, Settings settings) {
        this.clients = clients;
        this.maxAge = settings.maxAge();
        this.metrics = PipelineMetrics.forStage(stage, settings.metricsEnvironment());
    }

    /** @param document its name in messages and metrics ({@code routing-rules}, {@code profiles}) */
    public <T> LiveConfig<T> open(String document, String location, LiveConfig.Parser<T> parser) {
        LiveConfig<T> config = new LiveConfig<>(document, source(location), parser,
                (name, problems) -> metrics.configRejected(name), Clock.systemUTC());
        config.get(); // a function with no valid configuration fails at start-up, not on its first message
        return config;
    }

    private ConfigSource source(String location) {
        if (location.startsWith("ssm:")) {
            return new SsmConfigSource(clients.ssm(), location.substring("ssm:".length()), maxAge);
        }
        return new ConfigSource() {
            private String text;

            @Override
            public synchronized String latest() {
                if (text == null) {
                    try {
                        text = ConfigText.read(location);
                    } catch (ConfigInvalidException e) {
                        throw new IllegalArgumentException(String.join("; ", e.problems()), e);
                    }
                }
                return text;
            }

            @Override
            public List<String> earlier() {
                return List.of();
            }

            @Override
            public String location() {
                return location;
            }
        };
    }
}
