package dev.assetflow.assetcontrol;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.work.SqsWorkDispatcher;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.priority.PriorityChange;
import dev.assetflow.domain.priority.PriorityOutcome;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.reprocess.ReprocessOutcome;
import dev.assetflow.domain.reprocess.Reprocessing;
import dev.assetflow.domain.repair.PartialRepair;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.runtime.config.LiveConfigs;
import dev.assetflow.runtime.http.HttpRequests;
import dev.assetflow.runtime.http.HttpResponses;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The operator actions on one asset: {@code POST /assets/{assetId}/priority} (README, "Priority changes") and
 * {@code POST /assets/{assetId}/reprocess} (README, "Reprocessing by profile version") and
 * {@code POST /assets/{assetId}/repair} (README, "Graceful degradation and ./scripts/repair").
 */
final class AssetControlService {
    private static final Logger LOG = LoggerFactory.getLogger(AssetControlService.class);
    private final PriorityChange priorities;
    private final Reprocessing reprocessing;
    private final PartialRepair repairs;

    AssetControlService(PriorityChange priorities, Reprocessing reprocessing, PartialRepair repairs) {
        this.priorities = priorities;
        this.reprocessing = reprocessing;
        this.repairs = repairs;
    }

    static AssetControlService wire(AwsClients clients, AssetControlConfig config) {
        DynamoAssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable());
        SqsWorkDispatcher dispatcher = new SqsWorkDispatcher(clients.sqs(), config.workQueueUrls(), null);
        Clock clock = Clock.systemUTC();
        return new AssetControlService(new PriorityChange(assets, dispatcher, clock), new Reprocessing(assets,
                new S3ObjectStore(clients.s3(), clients::presigner), dispatcher,
                new LiveConfigs(clients, "asset-control", config.configs()).open("profiles", config.profilesLocation(), ProfileCatalog::parse),
                clock), new PartialRepair(assets, dispatcher, clock));
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        try {
            return switch (event.getRouteKey() == null ? "" : event.getRouteKey()) {
                case "POST /assets/{assetId}/priority" -> priority(HttpRequests.parameter(event, "assetId"),
                        HttpRequests.body(event), HttpRequests.requester(event));
                case "POST /assets/{assetId}/reprocess" -> reprocess(HttpRequests.parameter(event, "assetId"), HttpRequests.requester(event));
                case "POST /assets/{assetId}/repair" -> repair(HttpRequests.parameter(event, "assetId"), HttpRequests.requester(event));
                default -> HttpResponses.error(404, "not_found", "no route " + event.getRouteKey());
            };
        } catch (FailureException e) {
            LOG.warn("request failed: {}", e.failure());
            return HttpResponses.error(e.failure().retryable() ? 503 : 500, "unavailable", e.failure().reason());
        }
    }

    private APIGatewayV2HTTPResponse priority(String assetId, String body, String requester) {
        if (!AssetId.isValid(assetId)) {
            return HttpResponses.error(400, "invalid_asset_id", "not an asset id: " + assetId);
        }
        MDC.put("assetId", assetId);
        return switch (PriorityRequestBody.parse(body)) {
            case PriorityRequestBody.Invalid invalid -> HttpResponses.error(400, "invalid_request", invalid.message());
            case PriorityRequestBody.Valid valid -> {
                PriorityOutcome outcome = priorities.change(new AssetId(assetId), valid.priority(), requester);
                LOG.info("priority of {} -> {} asked by {}: {}", assetId, valid.priority().label(), requester,
                        outcome.getClass().getSimpleName());
                yield answer(outcome);
            }
        };
    }

    private APIGatewayV2HTTPResponse reprocess(String assetId, String requester) {
        if (!AssetId.isValid(assetId)) {
            return HttpResponses.error(400, "invalid_asset_id", "not an asset id: " + assetId);
        }
        MDC.put("assetId", assetId);
        return switch (reprocessing.reprocess(new AssetId(assetId), requester)) {
            case ReprocessOutcome.Sent sent -> HttpResponses.json(202, view(sent.asset(), "sent", "made with v" + sent.from()
                    + "; v" + sent.to() + " is being made on " + sent.workQueue() + ", keeping every rendition whose definition did not change"));
            case ReprocessOutcome.UpToDate upToDate -> HttpResponses.json(200, view(upToDate.asset(), "up_to_date",
                    "made with v" + upToDate.version() + ", the profile's newest version"));
            case ReprocessOutcome.NotFound notFound -> HttpResponses.error(404, "not_found", "no asset " + notFound.id());
            case ReprocessOutcome.NotFinished notFinished -> HttpResponses.error(409, "not_finished", "the asset is "
                    + notFinished.asset().state() + ": only a READY or PARTIAL asset is made again");
            case ReprocessOutcome.CannotRedo cannot -> HttpResponses.error(409, cannot.failure().category().name(),
                    cannot.failure().reason());
        };
    }

    private APIGatewayV2HTTPResponse repair(String assetId, String requester) {
        if (!AssetId.isValid(assetId)) {
            return HttpResponses.error(400, "invalid_asset_id", "not an asset id: " + assetId);
        }
        MDC.put("assetId", assetId);
        PartialRepair.Outcome outcome = repairs.repair(new AssetId(assetId), requester);
        LOG.info("repair of {} asked by {}: {}", assetId, requester, outcome.getClass().getSimpleName());
        return switch (outcome) {
            case PartialRepair.Sent sent -> HttpResponses.json(202, view(sent.asset(), "sent", "the missing renditions are being made on "
                    + sent.asset().route().workQueue() + "; the asset reopens and ends READY (or PARTIAL again, with the reason)"));
            case PartialRepair.NotFound notFound -> HttpResponses.error(404, "not_found", "no asset " + notFound.id());
            case PartialRepair.NotRepairable not -> HttpResponses.error(409, "not_partial", "the asset is "
                    + not.asset().state() + ": only a PARTIAL asset is repaired (a FAILED one is redriven or reprocessed)");
        };
    }

    private static APIGatewayV2HTTPResponse answer(PriorityOutcome outcome) {
        return switch (outcome) {
            case PriorityOutcome.Moved moved -> HttpResponses.json(202, view(moved.asset(), "moved",
                    "the work not started was sent to " + moved.workQueue() + "; what waits in the " + moved.from().label()
                            + " queue is now a no-op"));
            case PriorityOutcome.Recorded recorded -> HttpResponses.json(202, view(recorded.asset(), "recorded",
                    "the work is running and finishes in the " + recorded.from().label() + " class; nothing was waiting"));
            case PriorityOutcome.Unchanged unchanged -> HttpResponses.json(200, view(unchanged.asset(), "unchanged",
                    "the asset is in that class already"));
            case PriorityOutcome.NotFound notFound -> HttpResponses.error(404, "not_found", "no asset " + notFound.id());
            case PriorityOutcome.Finished finished -> HttpResponses.error(409, "finished", "the asset is "
                    + finished.asset().state() + ": no work is left to change the priority of");
            case PriorityOutcome.NotRouted notRouted -> HttpResponses.error(409, "not_routed", "the asset is "
                    + notRouted.asset().state() + " and not routed yet; ask again in a few seconds");
            case PriorityOutcome.Conflict conflict -> HttpResponses.error(409, "conflict", "the asset kept changing ("
                    + conflict.asset().state() + "); ask again");
        };
    }

    private static Map<String, Object> view(Asset asset, String result, String message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("assetId", asset.id().value());
        view.put("state", asset.state().name());
        view.put("priority", asset.route().queue().label());
        view.put("workQueue", asset.route().workQueue());
        view.put("generation", asset.route().generation());
        view.put("result", result);
        view.put("message", message);
        return view;
    }
}
