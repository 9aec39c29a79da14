package dev.assetflow.opsapi;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.latency.StageLatencies;
import dev.assetflow.domain.listing.AssetListing;
import dev.assetflow.domain.listing.AssetQuery;
import dev.assetflow.domain.listing.AssetSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /ops/latency?window=PT1H}: the per-stage p50/p95/p99 and the throughput of the assets that finished in
 * the window (StageLatencies). The assets come from the listing index, never a scan: for each terminal state, up to
 * {@link #SAMPLE_PER_STATE} of the newest created since one window before the window began (an asset may take that
 * long to finish), then each one read for its history.
 */
final class LatencyReport {
    static final int SAMPLE_PER_STATE = 200;
    static final int SLICES = 12;
    static final Duration MIN_WINDOW = Duration.ofMinutes(5);
    static final Duration MAX_WINDOW = Duration.ofDays(7);
    private static final List<AssetState> FINISHED = List.of(AssetState.READY, AssetState.PARTIAL, AssetState.FAILED, AssetState.QUARANTINED);

    private final AssetListing listing;
    private final AssetRepository assets;
    private final Clock clock;

    LatencyReport(AssetListing listing, AssetRepository assets, Clock clock) {
        this.listing = listing;
        this.assets = assets;
        this.clock = clock;
    }

    sealed interface Parsed {}

    record Window(Duration length) implements Parsed {}

    record Invalid(String message) implements Parsed {}

    static Parsed window(Map<String, String> parameters) {
        String text = parameters.getOrDefault("window", "PT1H");
        try {
            Duration length = Duration.parse(text);
            if (length.compareTo(MIN_WINDOW) < 0 || length.compareTo(MAX_WINDOW) > 0) {
                return new Invalid("window is from PT5M to P7D, not " + text);
            }
            return new Window(length);
        } catch (DateTimeParseException e) {
            return new Invalid("window is an ISO-8601 duration (PT15M, PT1H, P1D), not '" + text + "'");
        }
    }

    StageLatencies.Summary summary(Window window) {
        Instant until = clock.instant();
        Instant since = until.minus(window.length());
        List<Asset> sample = new ArrayList<>();
        for (AssetState state : FINISHED) {
            AssetQuery query = new AssetQuery(state, null, null, null, null, since.minus(window.length()), until, SAMPLE_PER_STATE, null);
            for (AssetSummary summary : listing.list(query).assets()) {
                Optional<Asset> asset = assets.find(new AssetId(summary.assetId()));
                asset.ifPresent(sample::add);
            }
        }
        return StageLatencies.of(sample, since, until, SLICES);
    }
}
