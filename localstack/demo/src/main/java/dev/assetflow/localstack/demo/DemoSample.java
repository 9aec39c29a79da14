package dev.assetflow.localstack.demo;

import java.nio.file.Path;

/**
 * One file the demo uploads, with the content type its client declares and the outcome it must
 * reach: a state (and failure category), or a refusal by the upload API with an HTTP status.
 */
record DemoSample(String fileName, String contentType, Path file, Expected expected) {

    record Expected(String state, String failureCategory, int refusedWithStatus) {
        static Expected ready() {
            return new Expected("READY", null, 0);
        }

        static Expected ended(String state, String failureCategory) {
            return new Expected(state, failureCategory, 0);
        }

        static Expected refused(int status) {
            return new Expected(null, null, status);
        }

        boolean isRefusal() {
            return refusedWithStatus != 0;
        }

        @Override
        public String toString() {
            return isRefusal() ? "refused with HTTP " + refusedWithStatus
                    : state + (failureCategory == null ? "" : " / " + failureCategory);
        }
    }
}
