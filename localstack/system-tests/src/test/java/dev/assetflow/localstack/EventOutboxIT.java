package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.events.SnsEventPublisher;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.events.EventOutbox;
import dev.assetflow.domain.failure.FailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Once an event is out, the flag that records it is worth a few tries in place: a transient failure
 * of that write must not send the whole message back, which would publish the event again. A
 * failure another try cannot fix is not retried.
 */
@ExtendWith(LocalStackExtension.class)
class EventOutboxIT {

    @Test
    void aTransientFailureOfThePublishedFlagIsRetriedInPlaceAndTheEventGoesOutOnce(LocalStackExtension.Fixture fx) {
        FailFlagWrites failTwice = new FailFlagWrites(2, 503, "ServiceUnavailable");
        Rendition rendition = renditionOfANewAsset(fx);

        try (AwsClients flaky = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(failTwice)))) {
            outbox(fx, flaky).announceRendition(asset(fx, rendition.assetId()), rendition);
        }

        assertThat(failTwice.attempts).hasValue(3);
        assertThat(repository(fx, fx.stack().clients()).renditions(rendition.assetId()))
                .singleElement().satisfies(r -> assertThat(r.announced()).isTrue());
        fx.searchIndex().collectUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(fx.searchIndex().count(rendition.assetId().value(), "rendition.ready")).isEqualTo(1);
    }

    @Test
    void aFailureAnotherTryCannotFixIsNotRetried(LocalStackExtension.Fixture fx) {
        FailFlagWrites denied = new FailFlagWrites(Integer.MAX_VALUE, 403, "AccessDeniedException");
        Rendition rendition = renditionOfANewAsset(fx);

        try (AwsClients forbidden = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(denied)))) {
            assertThatThrownBy(() -> outbox(fx, forbidden).announceRendition(asset(fx, rendition.assetId()), rendition))
                    .isInstanceOf(FailureException.class).hasMessageContaining("CONFIGURATION");
        }
        assertThat(denied.attempts).hasValue(1);
    }

    private static Rendition renditionOfANewAsset(LocalStackExtension.Fixture fx) {
        AssetId id = AssetId.random();
        DynamoAssetRepository assets = repository(fx, fx.stack().clients());
        assets.createIfAbsent(Asset.received(id, new SourceObject("b", "uploads/" + id + "/a.png", "e", null, 10),
                "image/png", Instant.now(), "test"));
        Rendition rendition = new Rendition(id, "image-responsive", 1, "320w.webp", RenditionState.DONE, "r",
                "renditions/" + id + "/320w.webp", "image/webp", 100, 320, 240, false, Instant.now());
        assertThat(assets.checkpointRendition(rendition)).isTrue();
        return rendition;
    }

    private static Asset asset(LocalStackExtension.Fixture fx, AssetId id) {
        return repository(fx, fx.stack().clients()).find(id).orElseThrow();
    }

    private static EventOutbox outbox(LocalStackExtension.Fixture fx, AwsClients clients) {
        return new EventOutbox(repository(fx, clients),
                new SnsEventPublisher(fx.stack().clients().sns(), fx.stack().resources().topicArn("asset-events")), Clock.systemUTC());
    }

    private static DynamoAssetRepository repository(LocalStackExtension.Fixture fx, AwsClients clients) {
        return new DynamoAssetRepository(clients.dynamoDb(), fx.stack().resources().tableName("assets"));
    }

    /** Fails the first {@code failures} writes of a published flag with the given HTTP status. */
    private static final class FailFlagWrites implements ExecutionInterceptor {
        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;
        private final int status;
        private final String code;

        FailFlagWrites(int failures, int status, String code) {
            this.failures = failures;
            this.status = status;
            this.code = code;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update && update.expressionAttributeNames().containsValue("announced")
                    && attempts.incrementAndGet() <= failures) {
                throw AwsServiceException.builder().statusCode(status).message("injected by EventOutboxIT")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
            }
        }
    }
}
