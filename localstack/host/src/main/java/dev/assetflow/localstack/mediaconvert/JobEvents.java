package dev.assetflow.localstack.mediaconvert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assetflow.domain.json.Json;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Puts a job's state changes on the emulator's default event bus in MediaConvert's shape (source
 * {@code aws.mediaconvert}, detail-type {@code MediaConvert Job State Change}, the job ARN in resources;
 * https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_cwe_events.html), so the topology's
 * EventBridge rule and queue deliver them as on AWS.
 */
final class JobEvents {
    private static final Logger LOG = LoggerFactory.getLogger(JobEvents.class);
    private final EventBridgeClient events;

    JobEvents(EventBridgeClient events) {
        this.events = events;
    }

    void emit(StandInJob.Record job, String status, Consumer<ObjectNode> details) {
        ObjectNode detail = Json.mapper().createObjectNode();
        detail.put("timestamp", Instant.now().toEpochMilli());
        detail.put("accountId", MediaConvertStandIn.ACCOUNT);
        detail.put("queue", job.queue());
        detail.put("jobId", job.id());
        detail.put("status", status);
        detail.set("userMetadata", job.request().path("userMetadata").deepCopy());
        details.accept(detail);
        try {
            var response = events.putEvents(b -> b.entries(e -> e.source("aws.mediaconvert").detailType("MediaConvert Job State Change")
                    .resources(job.arn()).detail(Json.write(detail))));
            if (response.failedEntryCount() > 0) {
                LOG.warn("EventBridge refused the {} event of job {}: {}", status, job.id(), response.entries());
            }
        } catch (SdkException e) {
            // EventBridge, not the stand-in, loses this event: the submitter's watch times the job out as on AWS
            LOG.warn("could not put the {} event of job {}: {}", status, job.id(), e.getMessage());
        }
    }
}
