package dev.assetflow.aws.breaker;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.breaker.WorkIntake;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * {@link WorkIntake} on AWS: disables or enables every event source mapping of the function (alias)
 * that opened the circuit
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html#events-sqs-eventsource).
 * A disabled mapping stops polling, so messages wait in their queue without spending receives.
 */
public final class LambdaWorkIntake implements WorkIntake {
    private final Supplier<LambdaClient> lambda;

    /** The client is asked for only when a circuit moves: most containers never build it. */
    public LambdaWorkIntake(Supplier<LambdaClient> lambda) {
        this.lambda = lambda;
    }

    @Override
    public void stop(String owner) {
        setEnabled(owner, false);
    }

    @Override
    public void resume(String owner) {
        setEnabled(owner, true);
    }

    private void setEnabled(String functionArn, boolean enabled) {
        if (functionArn == null || functionArn.isBlank()) {
            return; // invoked without a function ARN (a test, a script): no mapping to switch
        }
        try {
            LambdaClient client = lambda.get();
            for (EventSourceMappingConfiguration mapping : client.listEventSourceMappingsPaginator(b -> b.functionName(functionArn))
                    .eventSourceMappings()) {
                client.updateEventSourceMapping(b -> b.uuid(mapping.uuid()).enabled(enabled));
            }
        } catch (SdkException e) {
            throw SdkFailures.translate(e, (enabled ? "enable" : "disable") + " the event source mappings of " + functionArn);
        }
    }
}
