package dev.assetflow.aws.clients;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into categorised domain failures at the adapter boundary, so no code above the
 * adapters ever sees an SDK type. The SDK has already retried (standard retry mode) by the time we get here.
 */
public final class SdkFailures {
    private static final Set<String> CONFIGURATION_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "NoSuchBucket", "ResourceNotFoundException",
            "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "NotFound", "NotFoundException",
            "InvalidClientTokenId", "UnrecognizedClientException", "KMSAccessDeniedException");

    private SdkFailures() {
    }

    public static FailureException translate(SdkException e, String doing) {
        return new FailureException(categorise(e, doing), e);
    }

    static Failure categorise(SdkException e, String doing) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            int status = service.statusCode();
            String detail = doing + " failed: " + code + " (HTTP " + status + ")";
            if (service.isThrottlingException() || status == 429 || status >= 500) {
                return Failure.of(FailureCategory.TRANSIENT, detail);
            }
            if (status == 403 || CONFIGURATION_CODES.contains(code)) {
                return Failure.of(FailureCategory.CONFIGURATION, detail);
            }
            return Failure.of(FailureCategory.INTERNAL, detail + ": " + e.getMessage());
        }
        if (e instanceof SdkClientException) {
            // connection refused/reset, timeouts, unreadable responses: the network, not the request
            return Failure.of(FailureCategory.TRANSIENT, doing + " failed: " + e.getMessage());
        }
        return Failure.of(FailureCategory.INTERNAL, doing + " failed: " + e.getMessage());
    }
}
