package dev.assetflow.uploadapi;

import java.time.Instant;
import dev.assetflow.aws.asset.DynamoAssetListing;
import dev.assetflow.domain.listing.AssetQuery;
import dev.assetflow.domain.listing.AssetListing;
import dev.assetflow.runtime.http.HttpRequests;
import dev.assetflow.runtime.http.HttpResponses;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.upload.DynamoUploadSessions;
import dev.assetflow.aws.upload.S3MultipartStore;
import dev.assetflow.aws.upload.S3UploadSigner;
import dev.assetflow.aws.video.DynamoChunkLedger;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.upload.UploadSigner;
import dev.assetflow.domain.upload.UploadDecision;
import dev.assetflow.domain.upload.UploadPolicy;
import dev.assetflow.domain.upload.UploadRequest;
import dev.assetflow.domain.video.ChunkLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /uploads} answers an asset id and a presigned PUT URL, or for a large file a multipart plan
 * ({@link MultipartRoutes} serves the rest of that upload); {@code GET /assets/{assetId}} answers the
 * asset's state, route, renditions and history; {@code GET /assets} lists assets by filters, a page at a time.
 */
final class UploadApiService {
    private static final Logger LOG = LoggerFactory.getLogger(UploadApiService.class);

    private final UploadPolicy policy;
    private final UploadSigner signer;
    private final AssetRepository assets;
    private final AssetListing listing;
    private final ChunkLedger chunks;
    private final MultipartRoutes multipart;
    private final UploadApiConfig config;

    UploadApiService(UploadPolicy policy, UploadSigner signer, AssetRepository assets, AssetListing listing, ChunkLedger chunks,
            MultipartRoutes multipart, UploadApiConfig config) {
        this.policy = policy;
        this.signer = signer;
        this.assets = assets;
        this.listing = listing;
        this.chunks = chunks;
        this.multipart = multipart;
        this.config = config;
    }

    static UploadApiService wire(AwsClients clients, UploadApiConfig config) {
        return new UploadApiService(new UploadPolicy(config.limits(), AssetId::random),
                new S3UploadSigner(clients.presigner()),
                new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable()),
                new DynamoAssetListing(clients.dynamoDb(), config.assetsTable()),
                new DynamoChunkLedger(clients.dynamoDb(), config.assetsTable()),
                new MultipartRoutes(new S3MultipartStore(clients.s3(), clients.presigner()),
                        new DynamoUploadSessions(clients.dynamoDb(), config.uploadsTable()), config, Clock.systemUTC()),
                config);
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        try {
            return switch (event.getRouteKey() == null ? "" : event.getRouteKey()) {
                case "POST /uploads" -> createUpload(HttpRequests.body(event));
                case "GET /assets" -> listAssets(event.getQueryStringParameters());
                case "GET /assets/{assetId}" -> getAsset(HttpRequests.parameter(event, "assetId"));
                case "GET /uploads/{uploadId}" -> multipart.describe(HttpRequests.parameter(event, "uploadId"));
                case "GET /uploads/{uploadId}/parts" -> multipart.parts(HttpRequests.parameter(event, "uploadId"), event.getQueryStringParameters());
                case "POST /uploads/{uploadId}/complete" -> multipart.complete(HttpRequests.parameter(event, "uploadId"), HttpRequests.body(event));
                case "DELETE /uploads/{uploadId}" -> multipart.abort(HttpRequests.parameter(event, "uploadId"));
                default -> HttpResponses.error(404, "not_found", "no route " + event.getRouteKey());
            };
        } catch (FailureException e) {
            LOG.warn("request failed: {}", e.failure());
            return HttpResponses.error(e.failure().retryable() ? 503 : 500, "unavailable", e.failure().reason());
        }
    }

    private APIGatewayV2HTTPResponse createUpload(String body) {
        return switch (UploadRequestBody.parse(body)) {
            case UploadRequestBody.Invalid invalid -> HttpResponses.error(400, "invalid_request", invalid.message());
            case UploadRequestBody.Valid valid -> createUpload(valid.request());
        };
    }

    private APIGatewayV2HTTPResponse createUpload(UploadRequest request) {
        return switch (policy.decide(request)) {
            case UploadDecision.Refused refused -> HttpResponses.error(switch (refused.reason()) {
                case INVALID_REQUEST -> 400;
                case TOO_LARGE -> 413;
                case UNSUPPORTED_CONTENT_TYPE -> 415;
            }, refused.reason().name().toLowerCase(), refused.message());
            case UploadDecision.Accepted accepted -> {
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("assetId", accepted.assetId().value());
                response.put("key", accepted.key());
                switch (accepted.transfer()) {
                    case UploadDecision.Transfer.SinglePut single -> {
                        response.put("upload", signer.signPut(config.uploadsBucket(), accepted.key(), accepted.contentType(),
                                accepted.sizeBytes(), config.uploadUrlTtl()));
                        LOG.info("upload URL issued for asset {} ({} bytes of {})", accepted.assetId(),
                                accepted.sizeBytes(), accepted.contentType());
                    }
                    case UploadDecision.Transfer.Multipart parts -> response.put("multipart", multipart.start(accepted, parts));
                }
                response.put("status", "/assets/" + accepted.assetId().value());
                yield HttpResponses.json(201, response, Map.of("Location", "/assets/" + accepted.assetId().value()));
            }
        };
    }

    /** {@code GET /assets?state=&kind=&priority=&engine=&prefix=&since=&until=&limit=&cursor=}: a page, newest first. */
    private APIGatewayV2HTTPResponse listAssets(Map<String, String> parameters) {
        return switch (AssetQuery.parse(parameters, Instant.now())) {
            case AssetQuery.Invalid invalid -> HttpResponses.error(400, "invalid_request", String.join("; ", invalid.problems()));
            case AssetQuery.Valid valid -> {
                AssetListing.Page page = listing.list(valid.query());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("assets", page.assets());
                body.put("cursor", page.cursor());
                yield HttpResponses.json(200, body);
            }
        };
    }

    private APIGatewayV2HTTPResponse getAsset(String assetId) {
        if (!AssetId.isValid(assetId)) {
            return HttpResponses.error(400, "invalid_request", "'" + assetId + "' is not an asset id");
        }
        AssetId id = new AssetId(assetId);
        return assets.find(id)
                .map(asset -> HttpResponses.json(200, AssetView.of(asset, assets.renditions(id), chunks.progress(id),
                        p -> chunks.results(id, p.profile(), p.profileVersion())), Map.of()))
                .orElseGet(() -> HttpResponses.error(404, "not_found",
                        "no asset " + assetId + " (if it was just requested, its upload has not arrived yet)"));
    }
}
