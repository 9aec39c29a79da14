package dev.assetflow.localstack.runtime;

import java.util.Map;

/**
 * A deployed function as its triggers see it, the way Lambda's Invoke API does: an event as JSON in,
 * the function's response as JSON out. The event source mappings, the HTTP API and the schedules
 * invoke through this, whichever host runs the function: {@link ArtifactFunction} (the deployable
 * artifact under the Lambda runtime interface client, in its own JVM) or {@link FunctionHost} (the
 * handler class in this JVM, for narrow component tests).
 */
public interface LocalFunction extends AutoCloseable {

    String name();

    /** The environment the function runs with, built from the topology exactly as infra-cdk builds it. */
    Map<String, String> environment();

    /** The function as registered with the emulator's Lambda API: what invocations report as invoked. */
    void registeredAs(String functionArn);

    /**
     * @return the function's response as JSON ({@code null} when it returned nothing)
     * @throws FunctionError when the invocation failed: an error the handler raised, a timeout, a crash, a failed init
     */
    String invoke(String eventJson);

    /**
     * The same, continuing the X-Ray trace {@code traceHeader} (an SQS message's AWSTraceHeader), as Lambda does for an
     * event source that carries one; a host that does not model traces ignores it.
     */
    default String invoke(String eventJson, java.util.Optional<String> traceHeader) {
        return invoke(eventJson);
    }

    @Override
    default void close() {
    }

    /** An invocation that failed, as Lambda reports it: an error type and message (Unhandled, Sandbox.Timedout, …). */
    final class FunctionError extends RuntimeException {
        private final String errorType;

        public FunctionError(String errorType, String message) {
            super(errorType + ": " + message);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }
}
