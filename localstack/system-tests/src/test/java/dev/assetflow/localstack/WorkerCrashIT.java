package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.runtime.LocalContext;
import dev.assetflow.videoworker.VideoWorkerHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A video worker that dies half way through a job (its S3 connection breaks while uploading the
 * 360p variant) and the message that comes back: the second attempt produces only the renditions the
 * first did not checkpoint, and every rendition is announced exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class WorkerCrashIT {
    @TempDir
    Path dir;

    @Test
    void aResumedJobRedoesOnlyWhatHasNoCheckpoint(LocalStackExtension.Fixture fx) throws Exception {
        SQSEvent.SQSMessage work = workMessageFor(fx, TestMedia.SAMPLES.video(dir.resolve("resume.mp4"), 3, 1280, 720, 1, 0));
        String assetId = Json.mapper().readTree(work.getBody()).path("assetId").asText();

        BreakOnce breaker = new BreakOnce("/hls/360p/");
        try (AwsClients breaking = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(breaker)))) {
            SQSBatchResponse first = new VideoWorkerHandler(breaking, fx.stack().environmentOf("video-worker"))
                    .handleRequest(event(work), new LocalContext("video-worker", 3008, 900));
            assertThat(first.getBatchItemFailures()).as("the broken attempt asks for a retry").hasSize(1);
        }
        assertThat(breaker.broke.get()).isTrue();
        Map<String, Rendition> afterCrash = checkpoints(fx, assetId);
        assertThat(afterCrash).containsKeys("hls/720p", "hls/480p").doesNotContainKey("hls/360p");
        Instant retryStart = Instant.now();

        SQSBatchResponse second = new VideoWorkerHandler(fx.stack().clients(), fx.stack().environmentOf("video-worker"))
                .handleRequest(event(work), new LocalContext("video-worker", 3008, 900));

        assertThat(second.getBatchItemFailures()).isEmpty();
        JsonNode asset = new AssetflowClient(fx.stack().apiEndpoint()).asset(assetId).body();
        assertThat(asset.path("state").asText()).isEqualTo("READY");
        Map<String, Rendition> afterRetry = checkpoints(fx, assetId);
        assertThat(afterRetry).containsOnlyKeys("hls/720p", "hls/480p", "hls/360p", "hls/audio", "hls/master", "mp4/720p", "poster",
                "storyboard");
        afterCrash.forEach((name, first) -> assertThat(afterRetry.get(name).updatedAt())
                .as(name + " was not produced again").isEqualTo(first.updatedAt()));
        assertThat(afterRetry.get("hls/360p").updatedAt()).isAfterOrEqualTo(retryStart);

        fx.searchIndex().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(fx.searchIndex().eventsFor(assetId).stream().filter(e -> e.path("type").asText().equals("rendition.ready"))
                .collect(Collectors.groupingBy(e -> e.at("/rendition/name").asText(), Collectors.counting())))
                .hasSize(8).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }

    private static SQSEvent.SQSMessage workMessageFor(LocalStackExtension.Fixture fx, Path video) {
        return StagedWork.record(fx.stack().resources().queueArn("video-standard"),
                StagedWork.workMessageBody(fx, video, "video/mp4", "video/standard"));
    }

    private static SQSEvent event(SQSEvent.SQSMessage message) {
        return StagedWork.event(message);
    }

    private static Map<String, Rendition> checkpoints(LocalStackExtension.Fixture fx, String assetId) {
        return new DynamoAssetRepository(fx.stack().clients().dynamoDb(), fx.stack().resources().tableName("assets"))
                .renditions(new AssetId(assetId)).stream().collect(Collectors.toMap(Rendition::name, Function.identity()));
    }

    /** Breaks the first S3 upload whose key contains a marker, as a dropped connection would. */
    private static final class BreakOnce implements ExecutionInterceptor {
        private final String marker;
        final AtomicBoolean broke = new AtomicBoolean();

        BreakOnce(String marker) {
            this.marker = marker;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put && put.key().contains(marker) && broke.compareAndSet(false, true)) {
                throw SdkClientException.create("connection reset (injected by WorkerCrashIT)");
            }
        }
    }
}
