package dev.assetflow.localstack.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Exactly one rendition.ready per rendition a READY asset lists, and exactly one asset.ready, counted as a
 * consumer that deduplicates by eventId sees them (delivery is at least once, see the README's "Events"):
 * two events with different ids for one rendition are work done twice; the same event published again
 * after a fault is counted apart, as {@code republished}.
 */
public final class ReadyEvents {

    /** @param renditionEvents the distinct rendition.ready events received for the asset */
    public record Check(List<String> problems, int renditionEvents, long republished) {}

    private ReadyEvents() {
    }

    public static Check check(String label, List<JsonNode> events, JsonNode asset) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> perRendition = events.stream().filter(e -> e.path("type").asText().equals("rendition.ready"))
                .collect(Collectors.groupingBy(e -> e.at("/rendition/name").asText() + " v" + e.at("/rendition/profileVersion").asText(),
                        TreeMap::new, Collectors.mapping(e -> e.path("eventId").asText(), Collectors.toSet())));
        int listed = asset.path("renditions").size();
        if (perRendition.size() != listed) {
            problems.add(label + ": " + perRendition.size() + " renditions announced, " + listed + " recorded");
        }
        perRendition.forEach((rendition, ids) -> {
            if (ids.size() != 1) {
                problems.add(label + ": " + ids.size() + " different rendition.ready events for " + rendition);
            }
        });
        List<JsonNode> ready = events.stream().filter(e -> e.path("type").asText().equals("asset.ready")).toList();
        if (distinctIds(ready) != 1) {
            problems.add(label + ": " + distinctIds(ready) + " different asset.ready events");
        }
        return new Check(problems, perRendition.values().stream().mapToInt(Set::size).sum(), events.size() - distinctIds(events));
    }

    public static long distinctIds(List<JsonNode> events) {
        return events.stream().map(e -> e.path("eventId").asText()).distinct().count();
    }
}
