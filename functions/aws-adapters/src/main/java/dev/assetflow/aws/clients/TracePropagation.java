package dev.assetflow.aws.clients;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Carries the invocation's X-Ray trace header on every AWS call, as the X-Ray SDK's interceptor would, without its
 * segments: the {@code X-Amzn-Trace-Id} HTTP header (which an actively traced SNS topic passes on to its subscribers) and
 * an SQS message's {@code AWSTraceHeader} system attribute (which Lambda continues when it delivers the message), so
 * one asset's path from the upload API through the queues and the topic to a webhook is one trace
 * (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html). The header is what the Lambda runtime sets
 * per invocation (system property {@value #PROPERTY}); outside an invocation nothing is added.
 */
public final class TracePropagation implements ExecutionInterceptor {
    static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    public static final String HEADER = "X-Amzn-Trace-Id";

    /** The trace header of the invocation running now, if any. */
    public static Optional<String> current() {
        String header = System.getProperty(PROPERTY);
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Optional<String> trace = current();
        if (trace.isEmpty()) {
            return context.request();
        }
        if (context.request() instanceof SendMessageRequest send) {
            return send.toBuilder().messageSystemAttributes(traced(send.messageSystemAttributes(), trace.get())).build();
        }
        if (context.request() instanceof SendMessageBatchRequest batch) {
            return batch.toBuilder().entries(batch.entries().stream().map(entry -> entry.toBuilder()
                    .messageSystemAttributes(traced(entry.messageSystemAttributes(), trace.get())).build()).toList()).build();
        }
        return context.request();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return current().map(trace -> context.httpRequest().toBuilder().putHeader(HEADER, trace).build()).orElse(context.httpRequest());
    }

    private static Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> traced(
            Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> existing, String trace) {
        if (existing.containsKey(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER)) {
            return existing;
        }
        Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> with = new HashMap<>(existing);
        with.put(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build());
        return with;
    }
}
