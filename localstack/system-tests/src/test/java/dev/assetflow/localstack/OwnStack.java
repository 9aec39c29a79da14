package dev.assetflow.localstack;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local stack of a test class's own, for tests that need options the shared one does not have (other rules, a
 * webhook, shorter timeouts): the class starts it in its {@code @BeforeAll} with the options it builds there, and the
 * extension closes it after the class's tests, whatever happened.
 * <pre>{@code @RegisterExtension static final OwnStack OWN = new OwnStack();  ...  stack = OWN.start(options);}</pre>
 */
final class OwnStack implements AfterAllCallback {
    private LocalStack stack;

    LocalStack start(LocalStack.Options options) {
        stack = LocalStack.start(options);
        return stack;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
    }
}
