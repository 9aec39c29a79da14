package dev.assetflow.opsapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.aws.asset.DynamoAssetListing;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.breaker.DynamoBreakerStore;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.config.SsmConfigParameters;
import dev.assetflow.domain.asset.AssetAudit;
import dev.assetflow.domain.configreview.ConfigDesk;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.aws.deadletter.DeadLetterQueue;
import dev.assetflow.aws.deadletter.DeadLetterRedrive;
import dev.assetflow.aws.deadletter.DynamoFailureLog;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.runtime.http.HttpRequests;
import dev.assetflow.runtime.http.HttpResponses;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' endpoints the console calls (README, "Ops endpoints"): {@code GET /ops/queues},
 * {@code GET /ops/dead-letters}, {@code POST /ops/dead-letters/redrive}, {@code GET /ops/breakers},
 * {@code GET /ops/latency} and the configuration editor's {@code /ops/config/{document}…}. Each route's work is one class of its own; this one routes and answers failures.
 */
final class OpsApiService {
    private static final Logger LOG = LoggerFactory.getLogger(OpsApiService.class);
    private final QueueOverview queues;
    private final DeadLetters deadLetters;
    private final BreakerOverview breakers;
    private final LatencyReport latency;
    private final ConfigEditor config;

    OpsApiService(QueueOverview queues, DeadLetters deadLetters, BreakerOverview breakers, LatencyReport latency, ConfigEditor config) {
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.breakers = breakers;
        this.latency = latency;
        this.config = config;
    }

    static OpsApiService wire(AwsClients clients, OpsApiConfig config) {
        Clock clock = Clock.systemUTC();
        DeadLetterRedrive redrive = new DeadLetterRedrive(clients.sqs(), new DynamoFailureLog(clients.dynamoDb(), config.failuresTable()), clock);
        DynamoAssetListing listing = new DynamoAssetListing(clients.dynamoDb(), config.assetsTable());
        DynamoAssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), config.assetsTable());
        return new OpsApiService(new QueueOverview(clients.sqs(), config.sourceQueueUrls(), config.deadLetterQueueUrls(), listing, clock),
                new DeadLetters(clients.sqs(), redrive, config.deadLetterQueueUrls(), new AssetAudit(assets, clock)),
                new BreakerOverview(new DynamoBreakerStore(clients.dynamoDb(), config.breakersTable()), config.breakerSteps()),
                new LatencyReport(listing, assets, clock),
                new ConfigEditor(new ConfigDesk(new SsmConfigParameters(clients.ssm(), config.parameterNames()::get)), listing, assets, clock));
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        try {
            return switch (event.getRouteKey() == null ? "" : event.getRouteKey()) {
                case "GET /ops/queues" -> HttpResponses.json(200, queues.all());
                case "GET /ops/dead-letters" -> HttpResponses.json(200, Map.of("deadLetterQueues", deadLetters.list()));
                case "POST /ops/dead-letters/redrive" -> redrive(HttpRequests.body(event), HttpRequests.requester(event));
                case "GET /ops/breakers" -> HttpResponses.json(200, Map.of("breakers", breakers.all()));
                case "GET /ops/latency" -> latency(event.getQueryStringParameters());
                case "GET /ops/config/{document}", "POST /ops/config/{document}/validate", "POST /ops/config/{document}/diff",
                        "PUT /ops/config/{document}", "POST /ops/config/{document}/rollback" -> config(event);
                default -> HttpResponses.error(404, "not_found", "no route " + event.getRouteKey());
            };
        } catch (FailureException e) {
            LOG.warn("request failed: {}", e.failure());
            return HttpResponses.error(e.failure().retryable() ? 503 : 500, "unavailable", e.failure().reason());
        }
    }

    private APIGatewayV2HTTPResponse redrive(String body, String requester) {
        return switch (RedriveRequest.parse(body)) {
            case RedriveRequest.Invalid invalid -> HttpResponses.error(400, "invalid_request", invalid.message());
            case RedriveRequest.Valid valid -> {
                if (!deadLetters.knows(valid.sourceQueue())) {
                    yield HttpResponses.error(404, "not_found", "no dead-letter queue for " + valid.sourceQueue());
                }
                DeadLetterRedrive.Moved moved = deadLetters.redrive(valid, requester);
                LOG.info("redrive of {} (category {}, messages {}) asked by {}: {} moved, {} left, {} failed", valid.sourceQueue(),
                        valid.category(), valid.messageIds(), requester, moved.moved(), moved.left(), moved.failed());
                yield HttpResponses.json(moved.failed() == 0 ? 200 : 207, moved);
            }
        };
    }

    private APIGatewayV2HTTPResponse config(APIGatewayV2HTTPEvent event) {
        String name = HttpRequests.parameter(event, "document");
        Optional<ConfigDocument> found = ConfigEditor.document(name);
        if (found.isEmpty()) {
            return HttpResponses.error(404, "not_found", "no configuration document '" + name + "' (routing-rules or profiles)");
        }
        ConfigDocument document = found.get();
        String body = HttpRequests.body(event);
        String requester = HttpRequests.requester(event);
        return switch (event.getRouteKey()) {
            case "GET /ops/config/{document}" -> config.show(document);
            case "POST /ops/config/{document}/validate" -> config.validate(document, body == null ? "" : body);
            case "POST /ops/config/{document}/diff" -> config.diff(document, body == null ? "" : body);
            case "PUT /ops/config/{document}" -> {
                LOG.info("{} publish asked by {}", name, requester);
                yield config.publish(document, body == null ? "" : body, requester);
            }
            default -> {
                LOG.info("{} rollback asked by {}: {}", name, requester, body);
                yield config.rollback(document, body, requester);
            }
        };
    }

    private APIGatewayV2HTTPResponse latency(Map<String, String> parameters) {
        return switch (LatencyReport.window(parameters == null ? Map.of() : parameters)) {
            case LatencyReport.Invalid invalid -> HttpResponses.error(400, "invalid_request", invalid.message());
            case LatencyReport.Window window -> HttpResponses.json(200, latency.summary(window));
        };
    }
}
