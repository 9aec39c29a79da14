package dev.assetflow.mediaconvertcompletion;

import dev.assetflow.domain.failure.FailureCategory;

/**
 * MediaConvert's job error codes (https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html)
 * as our failure categories: an input it cannot open, probe or decode is the input's fault; access to S3
 * and settings it cannot apply are the deployment's; 3xxx are the service's own, worth a resubmission.
 */
final class ErrorCodes {

    private ErrorCodes() {
    }

    static FailureCategory category(int code) {
        if (code == 1401 || code == 1404 || code == 1432 || code == 1433 || code == 1434) {
            return FailureCategory.CONFIGURATION; // S3 access: reading the input or writing an output was denied
        }
        if (code >= 1010 && code < 1400 || code == 1999) {
            return FailureCategory.CORRUPT_MEDIA; // the input cannot be opened, probed or decoded
        }
        if (code >= 1400 && code < 2000) {
            return FailureCategory.CONFIGURATION; // settings MediaConvert cannot apply to this input
        }
        if (code >= 3000 && code < 4000) {
            return FailureCategory.TRANSIENT; // service-side
        }
        return FailureCategory.INTERNAL;
    }
}
