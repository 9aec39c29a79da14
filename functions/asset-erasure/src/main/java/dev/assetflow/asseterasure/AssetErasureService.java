package dev.assetflow.asseterasure;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.events.SnsEventPublisher;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.erasure.AssetErasure;
import dev.assetflow.domain.erasure.ErasureOutcome;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.runtime.http.HttpRequests;
import dev.assetflow.runtime.http.HttpResponses;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code DELETE /assets/{assetId}[?original=true]}: erases a terminal asset's renditions and records and announces
 * asset.deleted; its original too only with {@code original=true}. 200 erased, 404, 409 while work may still write
 * for it, 400 for a bad id or flag. Who asked is logged (the records that would hold it are what is erased).
 */
final class AssetErasureService {
    private static final Logger LOG = LoggerFactory.getLogger(AssetErasureService.class);
    private final AssetErasure erasure;

    AssetErasureService(AssetErasure erasure) {
        this.erasure = erasure;
    }

    static AssetErasureService wire(AwsClients clients, AssetErasureConfig config) {
        return new AssetErasureService(new AssetErasure(new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable()),
                new S3ObjectStore(clients.s3(), clients::presigner), new SnsEventPublisher(clients.sns(), config.eventsTopicArn()),
                config.renditionsBucket(), Clock.systemUTC()));
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String assetId = HttpRequests.parameter(event, "assetId");
        if (!"DELETE /assets/{assetId}".equals(event.getRouteKey())) {
            return HttpResponses.error(404, "not_found", "no route " + event.getRouteKey());
        }
        if (!AssetId.isValid(assetId)) {
            return HttpResponses.error(400, "invalid_asset_id", "not an asset id: " + assetId);
        }
        String flag = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("original");
        if (flag != null && !flag.equals("true") && !flag.equals("false")) {
            return HttpResponses.error(400, "invalid_request", "original is true or false, not '" + flag + "'");
        }
        MDC.put("assetId", assetId);
        try {
            return switch (erasure.erase(new AssetId(assetId), "true".equals(flag))) {
                case ErasureOutcome.Erased erased -> {
                    LOG.info("asset {} erased at the request of {}: {} objects, {} records, original {}", assetId,
                            HttpRequests.requester(event), erased.objects(), erased.records(), erased.originalErased() ? "erased" : "kept");
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("assetId", assetId);
                    body.put("result", "erased");
                    body.put("objects", erased.objects());
                    body.put("records", erased.records());
                    body.put("original", erased.originalErased() ? "erased" : "kept");
                    yield HttpResponses.json(200, body);
                }
                case ErasureOutcome.NotFound notFound -> HttpResponses.error(404, "not_found", "no asset " + assetId);
                case ErasureOutcome.InFlight inFlight -> HttpResponses.error(409, "in_flight", "the asset is "
                        + inFlight.asset().state() + ": work may still write renditions for it; erase it once it is terminal");
            };
        } catch (FailureException e) {
            LOG.warn("erasing asset {} failed: {}", assetId, e.failure());
            return HttpResponses.error(e.failure().retryable() ? 503 : 500, "unavailable", e.failure().reason()
                    + "; what is erased stays erased, ask again to finish");
        }
    }
}
