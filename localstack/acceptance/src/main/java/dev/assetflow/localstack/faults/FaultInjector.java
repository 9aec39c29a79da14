package dev.assetflow.localstack.faults;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Fails a share of AWS calls the way AWS does under load: throttling (HTTP 400/429 with a throttling
 * code) or a 5xx, decided per attempt by a seeded random, so a run can be repeated exactly. It throws
 * before the request is sent: the call had no effect, as a rejected request has none, and the SDK's
 * retry strategy sees it like any other retryable service error.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private final double rate;
    private final Random random;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();

    public FaultInjector(double rate, long seed) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a fault rate is between 0 and 1, was " + rate);
        }
        this.rate = rate;
        this.random = new Random(seed);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
        double draw;
        boolean throttle;
        synchronized (random) {
            draw = random.nextDouble();
            throttle = random.nextBoolean();
        }
        if (draw >= rate) {
            return;
        }
        injected.incrementAndGet();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        throw AwsServiceException.builder()
                .message("injected fault on " + operation)
                .statusCode(throttle ? 400 : 503)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(throttle ? "ThrottlingException" : "ServiceUnavailable")
                        .errorMessage("injected by FaultInjector")
                        .serviceName(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                        .build())
                .build();
    }

    /** Request attempts seen (the SDK's retries included). */
    public long attempts() {
        return attempts.get();
    }

    public long injected() {
        return injected.get();
    }
}
