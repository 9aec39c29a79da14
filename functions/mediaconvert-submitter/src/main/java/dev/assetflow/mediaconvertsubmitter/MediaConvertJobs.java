package dev.assetflow.mediaconvertsubmitter;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.Job;

/**
 * The three MediaConvert calls the submitter makes, with their failures categorised at this boundary:
 * a request MediaConvert refuses (BadRequestException: settings, role, queue) is CONFIGURATION, never
 * retried as it is; throttling and service errors are TRANSIENT.
 */
final class MediaConvertJobs {
    private final MediaConvertClient client;

    MediaConvertJobs(MediaConvertClient client) {
        this.client = client;
    }

    /** @return the job id; the same one again for a request with a client token MediaConvert has seen */
    String create(CreateJobRequest request) {
        try {
            return client.createJob(request).job().id();
        } catch (BadRequestException e) {
            throw new FailureException(Failure.of(FailureCategory.CONFIGURATION, "MediaConvert refused the job: "
                    + e.awsErrorDetails().errorMessage()), e);
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "MediaConvert CreateJob");
        }
    }

    Job get(String jobId) {
        try {
            return client.getJob(b -> b.id(jobId)).job();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "MediaConvert GetJob " + jobId);
        }
    }

    void cancel(String jobId) {
        try {
            client.cancelJob(b -> b.id(jobId));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "MediaConvert CancelJob " + jobId);
        }
    }
}
