package dev.assetflow.domain.listing;

import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.asset.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code GET /assets} asks for (README, "Status API"): assets created in {@code [since, until)}, newest first,
 * optionally of one state, kind, priority class, engine or key prefix, {@code limit} at a time, after {@code cursor}
 * (the previous page's last asset). Parsed from query parameters into a value or every problem at once.
 */
public record AssetQuery(AssetState state, MediaKind kind, Priority priority, String engine, String keyPrefix, Instant since,
        Instant until, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Without {@code since}: the last week. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    /** The engines a rule routes to; {@code ffmpeg} matches both of its paths. */
    public static final Set<String> ENGINES = Set.of("ffmpeg", "ffmpeg-one-invocation", "ffmpeg-segmented", "mediaconvert");
    private static final Set<String> PARAMETERS = Set.of("state", "kind", "priority", "engine", "prefix", "since", "until", "limit", "cursor");

    /** A query, or why there is none. */
    public sealed interface Parsed {}

    public record Valid(AssetQuery query) implements Parsed {}

    public record Invalid(List<String> problems) implements Parsed {}

    public static Parsed parse(Map<String, String> parameters, Instant now) {
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        List<String> problems = new ArrayList<>();
        p.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> problems.add("unknown parameter '" + name + "' (" + String.join(", ", PARAMETERS.stream().sorted().toList()) + ")"));
        AssetState state = null;
        if (p.get("state") != null) {
            try {
                state = AssetState.valueOf(p.get("state").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("state '" + p.get("state") + "' is none of " + java.util.Arrays.toString(AssetState.values()));
            }
        }
        MediaKind kind = null;
        if (p.get("kind") != null) {
            if (MediaKind.isLabel(p.get("kind"))) {
                kind = MediaKind.fromLabel(p.get("kind"));
            } else {
                problems.add("kind '" + p.get("kind") + "' is not a kind (image, video, audio, document, other)");
            }
        }
        Priority priority = null;
        if (p.get("priority") != null) {
            try {
                priority = Priority.fromLabel(p.get("priority"));
            } catch (IllegalArgumentException e) {
                problems.add("priority '" + p.get("priority") + "' is not a class (critical, standard, bulk, review)");
            }
        }
        String engine = p.get("engine");
        if (engine != null && !ENGINES.contains(engine)) {
            problems.add("engine '" + engine + "' is none of " + ENGINES.stream().sorted().toList());
        }
        Instant until = instant(p, "until", now, problems);
        Instant since = instant(p, "since", until.minus(DEFAULT_WINDOW), problems);
        if (!since.isBefore(until)) {
            problems.add("since (" + since + ") must be before until (" + until + ")");
        }
        int limit = DEFAULT_LIMIT;
        if (p.get("limit") != null) {
            try {
                limit = Integer.parseInt(p.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add("limit '" + p.get("limit") + "' must be 1 to " + MAX_LIMIT);
            }
        }
        String cursor = p.get("cursor");
        if (cursor != null && ListingKey.parse(cursor).isEmpty()) {
            problems.add("cursor '" + cursor + "' is not one a page of this listing gave");
        }
        return problems.isEmpty()
                ? new Valid(new AssetQuery(state, kind, priority, engine, p.get("prefix"), since, until, limit, cursor))
                : new Invalid(problems);
    }

    private static Instant instant(Map<String, String> p, String name, Instant otherwise, List<String> problems) {
        if (p.get(name) == null) {
            return otherwise;
        }
        try {
            return Instant.parse(p.get(name));
        } catch (DateTimeParseException e) {
            problems.add(name + " '" + p.get(name) + "' is not an ISO-8601 instant (2026-12-03T10:00:00Z)");
            return otherwise;
        }
    }
}
