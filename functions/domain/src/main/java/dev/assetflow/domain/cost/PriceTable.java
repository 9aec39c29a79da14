package dev.assetflow.domain.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The prices the cost estimate is made with ({@code config/prices.json}): Lambda per GB-second and per
 * request, MediaConvert per output minute by output class, with the date they were taken and where from.
 * Prices change and differ by region; the date travels with every estimate so a stale table shows.
 */
public record PriceTable(String asOf, String region, String currency, List<String> sources, String note, Lambda lambda,
        MediaConvert mediaConvert) {

    public record Lambda(double perGbSecond, double perRequest) {}

    /** Per output minute: {@code sd} below 720 lines, {@code hd} up to 1080, {@code uhd} above, {@code audio} an audio-only output. */
    public record MediaConvert(PerOutputMinute perOutputMinute) {}

    public record PerOutputMinute(double sd, double hd, double uhd, double audio) {}

    public static PriceTable parse(String json) throws ConfigInvalidException {
        PriceTable table;
        try {
            table = Json.read(json, PriceTable.class);
        } catch (JsonProcessingException e) {
            throw new ConfigInvalidException(List.of("not a price table: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (table.asOf() == null || table.asOf().isBlank()) {
            problems.add("asOf (the date the prices were taken) is required");
        }
        if (table.lambda() == null || table.lambda().perGbSecond() <= 0) {
            problems.add("lambda.perGbSecond must be positive");
        }
        if (table.mediaConvert() == null || table.mediaConvert().perOutputMinute() == null
                || table.mediaConvert().perOutputMinute().hd() <= 0) {
            problems.add("mediaConvert.perOutputMinute (sd, hd, uhd, audio) is required");
        }
        if (!problems.isEmpty()) {
            throw new ConfigInvalidException(problems);
        }
        return table;
    }
}
