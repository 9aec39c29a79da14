package dev.assetflow.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.topology.FunctionSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One deployed function: its handler class from the topology, its environment, and a pool of
 * handler instances. As on Lambda, each instance (an "execution environment") serves one invocation
 * at a time, so concurrent invocations never share an instance; instances are reused while warm.
 */
public final class FunctionHost<I, O> {
    private final String name;
    private final FunctionSpec spec;
    private final AwsClients clients;
    private final Map<String, String> environment;
    private final ConcurrentLinkedQueue<RequestHandler<I, O>> warm = new ConcurrentLinkedQueue<>();
    private volatile String arn;

    public FunctionHost(String name, FunctionSpec spec, AwsClients clients, Map<String, String> environment) {
        this.name = name;
        this.spec = spec;
        this.clients = clients;
        this.environment = Map.copyOf(environment);
        this.arn = LocalContext.arnOf(name);
        release(acquire()); // fail at start-up, not on the first event, if the function cannot initialise
    }

    public String name() {
        return name;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The function as registered with the emulator's Lambda API: what invocations report as invoked. */
    public void registeredAs(String functionArn) {
        this.arn = functionArn;
    }

    public O invoke(I event) {
        RequestHandler<I, O> handler = acquire();
        O result;
        try {
            result = handler.handleRequest(event, new LocalContext(name, arn, spec.memoryMb(), spec.timeoutSeconds()));
        } catch (RuntimeException e) {
            release(handler); // an exception is the function's answer: its environment lives on
            throw e;
        }
        // an Error (out of memory, a crash) ends the environment as on Lambda: its instance is not reused
        release(handler);
        return result;
    }

    private RequestHandler<I, O> acquire() {
        RequestHandler<I, O> handler = warm.poll();
        return handler != null ? handler : coldStart();
    }

    private void release(RequestHandler<I, O> handler) {
        warm.add(handler);
    }

    /** The handler's (AwsClients, Map) constructor: the one the no-argument constructor delegates to. */
    @SuppressWarnings("unchecked")
    private RequestHandler<I, O> coldStart() {
        InProcessHandlers.Factory factory = InProcessHandlers.of(spec.handler());
        try {
            return (RequestHandler<I, O>) factory.create(clients, environment);
        } catch (RuntimeException e) {
            throw new IllegalStateException("function " + name + " failed to initialise: " + e.getMessage(), e);
        }
    }
}
