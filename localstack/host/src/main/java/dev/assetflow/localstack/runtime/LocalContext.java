package dev.assetflow.localstack.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda {@link Context} of one local invocation: a request id and a deadline from the function's timeout. */
public final class LocalContext implements Context {
    private final String functionName;
    private final String functionArn;
    private final int memoryMb;
    private final Instant deadline;
    private final String requestId = UUID.randomUUID().toString();
    private final Logger logger;

    public LocalContext(String functionName, int memoryMb, int timeoutSeconds) {
        this(functionName, arnOf(functionName), memoryMb, timeoutSeconds);
    }

    /** The ARN of a function that was not registered with the emulator (the emulator's default account). */
    static String arnOf(String functionName) {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    /** @param functionArn what the invocation reports as its invoked function: its registration in the emulator */
    public LocalContext(String functionName, String functionArn, int memoryMb, int timeoutSeconds) {
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
        this.deadline = Instant.now().plusSeconds(timeoutSeconds);
        this.logger = LoggerFactory.getLogger("lambda." + functionName);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/" + functionName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                logger.info(message);
            }

            @Override
            public void log(byte[] message) {
                logger.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
