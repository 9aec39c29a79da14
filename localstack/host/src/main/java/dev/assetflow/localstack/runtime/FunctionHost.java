package dev.assetflow.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.topology.FunctionSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The in-process mode of a function, for narrow component tests: its handler class in this JVM, a pool
 * of handler instances, events and responses through the Lambda runtime's own serializers. As on
 * Lambda, each instance (an "execution environment") serves one invocation at a time, and instances are
 * reused while warm. Memory, timeout and /tmp are not enforced here: {@link ArtifactFunction} does that.
 */
public final class FunctionHost<I> implements LocalFunction {
    private final String name;
    private final FunctionSpec spec;
    private final InProcessHandlers.Entry<I> handler;
    private final AwsClients clients;
    private final Map<String, String> environment;
    private final ConcurrentLinkedQueue<RequestHandler<I, ?>> warm = new ConcurrentLinkedQueue<>();
    private volatile String arn;

    public FunctionHost(String name, FunctionSpec spec, InProcessHandlers.Entry<I> handler, AwsClients clients,
            Map<String, String> environment) {
        this.name = name;
        this.spec = spec;
        this.handler = handler;
        this.clients = clients;
        this.environment = Map.copyOf(environment);
        this.arn = LocalContext.arnOf(name);
        warm.add(coldStart()); // fail at start-up, not on the first event, if the function cannot initialise
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void registeredAs(String functionArn) {
        this.arn = functionArn;
    }

    @Override
    public String invoke(String eventJson) {
        RequestHandler<I, ?> instance = warm.poll();
        if (instance == null) {
            instance = coldStart();
        }
        Object result;
        try {
            result = instance.handleRequest(LambdaEvents.read(eventJson, handler.eventType()),
                    new LocalContext(name, arn, spec.memoryMb(), spec.timeoutSeconds()));
        } catch (RuntimeException e) {
            warm.add(instance); // an exception is the function's answer: its environment lives on
            throw new FunctionError(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
        // an Error (out of memory, a crash) ends the environment as on Lambda: its instance is not reused
        warm.add(instance);
        return LambdaEvents.write(result);
    }

    private RequestHandler<I, ?> coldStart() {
        try {
            return handler.factory().create(clients, environment);
        } catch (RuntimeException e) {
            throw new IllegalStateException("function " + name + " failed to initialise: " + e.getMessage(), e);
        }
    }
}
