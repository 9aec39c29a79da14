package dev.assetflow.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A function whose init throws, as one with a missing environment variable does. */
public final class FailingInitHandler implements RequestHandler<Map<String, String>, String> {

    public FailingInitHandler() {
        throw new IllegalStateException("environment variable ASSETS_TABLE is not set");
    }

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return "never";
    }
}
