package dev.assetflow.localstack.runtime;

import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Whether an event source mapping is enabled, read from the emulator's Lambda API (at most once a
 * second): a disabled mapping does not poll, as on AWS.
 */
public final class MappingState implements BooleanSupplier {
    private static final Logger LOG = LoggerFactory.getLogger(MappingState.class);
    private static final Set<String> POLLING = Set.of("Enabled", "Enabling", "Creating", "Updating");
    private static final long RECHECK_MILLIS = 1000;

    private final LambdaClient lambda;
    private final String uuid;
    private volatile long checkedAt;
    private volatile boolean enabled = true;

    public MappingState(LambdaClient lambda, String uuid) {
        this.lambda = lambda;
        this.uuid = uuid;
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= RECHECK_MILLIS) {
            try {
                boolean current = POLLING.contains(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state());
                if (current != enabled) {
                    LOG.info("event source mapping {} is now {}", uuid, current ? "enabled" : "disabled");
                }
                enabled = current;
            } catch (SdkException e) {
                LOG.warn("could not read event source mapping {}; it keeps polling: {}", uuid, e.toString());
            }
            checkedAt = now;
        }
        return enabled;
    }
}
