package dev.assetflow.localstack.faults;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Kills a worker the way a Lambda execution environment dies (out of memory, timeout, a crash of the
 * runtime): an {@link Error} nothing in the function catches, so the invocation ends without a
 * response and its whole batch returns after the visibility timeout. Two moments are chosen: in the
 * middle of a job (before the n-th rendition upload), and after an upload but before the checkpoint
 * that records it (after the m-th).
 */
public final class WorkerDeaths implements ExecutionInterceptor {
    /** What a dead execution environment leaves behind: no response at all. */
    public static final class SimulatedDeath extends Error {
        SimulatedDeath(String message) {
            super(message);
        }
    }

    private final String renditionsBucket;
    private final int midJobUpload;
    private final int afterUpload;
    private final AtomicInteger beforeCount = new AtomicInteger();
    private final AtomicInteger afterCount = new AtomicInteger();
    private final AtomicInteger deaths = new AtomicInteger();

    /**
     * @param midJobUpload die before the n-th upload to the renditions bucket (0: never)
     * @param afterUpload  die right after the m-th upload, before its checkpoint (0: never)
     */
    public WorkerDeaths(String renditionsBucket, int midJobUpload, int afterUpload) {
        this.renditionsBucket = renditionsBucket;
        this.midJobUpload = midJobUpload;
        this.afterUpload = afterUpload;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (isRenditionUpload(context.request()) && beforeCount.incrementAndGet() == midJobUpload) {
            deaths.incrementAndGet();
            throw new SimulatedDeath("worker died in the middle of a job (before rendition upload " + midJobUpload + ")");
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (isRenditionUpload(context.request()) && afterCount.incrementAndGet() == afterUpload) {
            deaths.incrementAndGet();
            throw new SimulatedDeath("worker died after rendition upload " + afterUpload + ", before its checkpoint");
        }
    }

    public int deaths() {
        return deaths.get();
    }

    private boolean isRenditionUpload(Object request) {
        return request instanceof PutObjectRequest put && put.bucket().equals(renditionsBucket);
    }
}
