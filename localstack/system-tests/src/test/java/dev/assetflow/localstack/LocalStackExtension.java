package dev.assetflow.localstack;

import dev.assetflow.localstack.client.EventTap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for the whole integration-test run (starting moto and provisioning takes seconds),
 * closed when the run ends. Each test works with its own assets, identified by asset id.
 */
public final class LocalStackExtension implements ParameterResolver {

    /** The running stack and the taps on its subscriber queues, shared by every test. */
    public record Fixture(LocalStack stack, EventTap searchIndex, EventTap notifications) {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Fixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class).fixture;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Fixture fixture;

        Running() {
            LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withoutSchedules());
            fixture = new Fixture(stack,
                    new EventTap(stack.clients().sqs(), stack.resources().queueUrl("search-index")),
                    new EventTap(stack.clients().sqs(), stack.resources().queueUrl("notifications")));
        }

        @Override
        public void close() {
            fixture.stack().close();
        }
    }
}
