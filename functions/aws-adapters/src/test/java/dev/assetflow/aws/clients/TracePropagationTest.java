package dev.assetflow.aws.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The invocation's trace header, as the Lambda runtime sets it, on the messages and calls a function makes. */
class TracePropagationTest {
    private static final String TRACE = "Root=1-6750a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
    private final TracePropagation interceptor = new TracePropagation();

    @AfterEach
    void clear() {
        System.clearProperty(TracePropagation.PROPERTY);
    }

    @Test
    void aMessageSentDuringATracedInvocationCarriesItsTraceAsAwsTraceHeader() {
        System.setProperty(TracePropagation.PROPERTY, TRACE);
        SendMessageRequest sent = (SendMessageRequest) interceptor.modifyRequest(context(SendMessageRequest.builder().queueUrl("q")
                .messageBody("{}").build()), new ExecutionAttributes());
        assertThat(sent.messageSystemAttributes().get(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER).stringValue()).isEqualTo(TRACE);

        SendMessageBatchRequest batch = (SendMessageBatchRequest) interceptor.modifyRequest(context(SendMessageBatchRequest.builder()
                .queueUrl("q").entries(SendMessageBatchRequestEntry.builder().id("1").messageBody("a").build(),
                        SendMessageBatchRequestEntry.builder().id("2").messageBody("b").messageSystemAttributes(java.util.Map.of(
                                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                                MessageSystemAttributeValue.builder().dataType("String").stringValue("Root=1-own").build())).build())
                .build()), new ExecutionAttributes());
        assertThat(batch.entries()).extracting(e -> e.messageSystemAttributes().get(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER)
                .stringValue()).containsExactly(TRACE, "Root=1-own");
    }

    @Test
    void everyCallCarriesTheHeaderAndNothingIsAddedOutsideAnInvocation() {
        SdkHttpFullRequest http = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("https://sns.us-east-1.amazonaws.com/")).build();
        InterceptorContext publish = InterceptorContext.builder().request(PublishRequest.builder().message("{}").build()).httpRequest(http).build();
        assertThat(interceptor.modifyHttpRequest(publish, new ExecutionAttributes()).firstMatchingHeader("X-Amzn-Trace-Id")).isEmpty();
        SendMessageRequest untouched = SendMessageRequest.builder().queueUrl("q").messageBody("{}").build();
        assertThat(interceptor.modifyRequest(context(untouched), new ExecutionAttributes())).isSameAs(untouched);

        System.setProperty(TracePropagation.PROPERTY, TRACE);
        assertThat(interceptor.modifyHttpRequest(publish, new ExecutionAttributes()).firstMatchingHeader("X-Amzn-Trace-Id")).contains(TRACE);
    }

    private static InterceptorContext context(software.amazon.awssdk.core.SdkRequest request) {
        return InterceptorContext.builder().request(request).build();
    }
}
