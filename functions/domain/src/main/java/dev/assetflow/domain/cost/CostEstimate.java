package dev.assetflow.domain.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an asset is expected to cost before anything is encoded: the engine it was estimated for, the
 * amount, how it was worked out ({@code basis}, e.g. "12.0 output minutes: 4 hd, 2 sd, 1 audio" or
 * "1840 GB-s of video-worker"), and the date of the prices. Recorded on the asset under {@code media.cost}.
 */
public record CostEstimate(String engine, double usd, String basis, String pricesAsOf) {

    public Map<String, Object> toMedia() {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("engine", engine);
        cost.put("usd", Math.round(usd * 10_000) / 10_000.0);
        cost.put("basis", basis);
        cost.put("pricesAsOf", pricesAsOf);
        return cost;
    }
}
