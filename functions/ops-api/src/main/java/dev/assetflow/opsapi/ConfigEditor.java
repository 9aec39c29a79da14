package dev.assetflow.opsapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.configreview.ConfigDesk;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.domain.configreview.ConfigVersions;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.listing.AssetListing;
import dev.assetflow.domain.listing.AssetQuery;
import dev.assetflow.domain.routing.RoutingDiff;
import dev.assetflow.runtime.http.HttpResponses;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's configuration editor (README, "Ops endpoints"): a document's versions, a candidate's problems as
 * the operator types, its dry-run effect (which recent assets the rules would route differently; which profiles
 * change), publishing it as a new version without a deploy, and rolling back, all through {@link ConfigDesk} as
 * {@code scripts/config} does. Who asked is written into the version's description (its history shows it).
 */
final class ConfigEditor {
    /** The recent assets a routing diff looks at: the newest, from the listing index (never a scan). */
    static final int DIFF_SAMPLE = 200;

    private final ConfigDesk desk;
    private final AssetListing listing;
    private final AssetRepository assets;
    private final Clock clock;

    ConfigEditor(ConfigDesk desk, AssetListing listing, AssetRepository assets, Clock clock) {
        this.desk = desk;
        this.listing = listing;
        this.assets = assets;
        this.clock = clock;
    }

    static Optional<ConfigDocument> document(String name) {
        try {
            return Optional.of(ConfigDocument.named(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    APIGatewayV2HTTPResponse show(ConfigDocument document) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("document", document.logical());
        ConfigVersions.Version serving = desk.serving(document);
        view.put("serving", serving.number());
        view.put("newest", desk.newest(document).number());
        view.put("text", serving.text());
        view.put("history", desk.history(document).reversed());
        return HttpResponses.json(200, view);
    }

    APIGatewayV2HTTPResponse validate(ConfigDocument document, String candidate) {
        List<String> problems = desk.problems(document, candidate);
        return HttpResponses.json(200, Map.of("valid", problems.isEmpty(), "problems", problems,
                "summary", ConfigDesk.summary(document, candidate)));
    }

    APIGatewayV2HTTPResponse diff(ConfigDocument document, String candidate) {
        List<String> problems = desk.problems(document, candidate);
        if (!problems.isEmpty()) {
            return HttpResponses.json(422, Map.of("error", "invalid", "problems", problems));
        }
        return switch (document) {
            case PROFILES -> HttpResponses.json(200, Map.of("profiles", desk.profileChanges(candidate)));
            case ROUTING_RULES -> {
                List<Asset> recent = recentAssets();
                List<Map<String, Object>> changes = RoutingDiff.of(ConfigDesk.rules(candidate), recent).stream().map(change -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("assetId", change.asset().id().value());
                    row.put("key", change.asset().source().key());
                    row.put("before", RoutingDiff.describe(change.before()));
                    row.put("after", RoutingDiff.describe(change.after()));
                    return row;
                }).toList();
                yield HttpResponses.json(200, Map.of("considered", recent.size(), "changes", changes));
            }
        };
    }

    APIGatewayV2HTTPResponse publish(ConfigDocument document, String candidate, String requester) {
        return answer(desk.publish(document, candidate, "published from the console by " + requester));
    }

    APIGatewayV2HTTPResponse rollback(ConfigDocument document, String body, String requester) {
        long version;
        try {
            version = Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body).path("version").asLong(-1);
        } catch (Exception e) {
            version = -1;
        }
        if (version < 1) {
            return HttpResponses.error(400, "invalid_request", "give {\"version\": N}, a version the history lists");
        }
        return answer(desk.rollback(document, version, "rollback to version " + version + " from the console by " + requester));
    }

    private static APIGatewayV2HTTPResponse answer(ConfigDesk.Publication publication) {
        return switch (publication) {
            case ConfigDesk.Published published -> HttpResponses.json(201, Map.of("result", "published", "version", published.version(),
                    "summary", published.summary(), "message", "functions use it within a minute"));
            case ConfigDesk.Unchanged unchanged -> HttpResponses.json(200, Map.of("result", "unchanged", "version", unchanged.version(),
                    "message", "that text is the newest version already"));
            case ConfigDesk.Refused refused -> HttpResponses.json(422, Map.of("error", "invalid", "problems", refused.problems(),
                    "message", String.join("; ", refused.problems())));
            case ConfigDesk.NoSuchVersion none -> HttpResponses.error(404, "not_found", "no version " + none.version());
        };
    }

    private List<Asset> recentAssets() {
        Instant now = clock.instant();
        AssetQuery query = new AssetQuery(null, null, null, null, null, now.minus(AssetQuery.DEFAULT_WINDOW), now, DIFF_SAMPLE, null);
        return listing.list(query).assets().stream().flatMap(summary -> assets.find(new AssetId(summary.assetId())).stream()).toList();
    }
}
