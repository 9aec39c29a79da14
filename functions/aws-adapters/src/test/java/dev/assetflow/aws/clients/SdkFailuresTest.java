package dev.assetflow.aws.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.failure.FailureCategory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

class SdkFailuresTest {

    @Test
    void throttlingAndServerErrorsAreTransient() {
        assertThat(category(service("SlowDown", 503))).isEqualTo(FailureCategory.TRANSIENT);
        assertThat(category(service("ThrottlingException", 400))).isEqualTo(FailureCategory.TRANSIENT);
        assertThat(category(service("InternalError", 500))).isEqualTo(FailureCategory.TRANSIENT);
        assertThat(category(SdkClientException.create("Connection reset"))).isEqualTo(FailureCategory.TRANSIENT);
    }

    @Test
    void missingResourcesAndDeniedAccessAreConfiguration() {
        assertThat(category(service("AccessDenied", 403))).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(category(service("ResourceNotFoundException", 400))).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(category(service("AWS.SimpleQueueService.NonExistentQueue", 400))).isEqualTo(FailureCategory.CONFIGURATION);
    }

    @Test
    void otherClientErrorsAreInternalAndSayWhatWasBeingDone() {
        var failure = SdkFailures.translate(service("ValidationException", 400), "PutItem asset x").failure();
        assertThat(failure.category()).isEqualTo(FailureCategory.INTERNAL);
        assertThat(failure.reason()).startsWith("PutItem asset x failed: ValidationException (HTTP 400)");
    }

    private static FailureCategory category(SdkException e) {
        return SdkFailures.translate(e, "call").failure().category();
    }

    private static AwsServiceException service(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
