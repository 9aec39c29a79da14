package dev.assetflow.domain.configreview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.routing.RoutingRules;
import dev.assetflow.domain.routing.RoutingRulesParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an operator does to a configuration document, for {@code scripts/config} and the console's editor alike:
 * validate a candidate against what serves, publish it as a new version only when valid, list the versions, and roll
 * back to an old version's definitions (as a new version). "Serving" is the newest version that is valid on its own:
 * one written around these checks and refused by the functions does not count.
 */
public final class ConfigDesk {
    private final ConfigVersions versions;

    public ConfigDesk(ConfigVersions versions) {
        this.versions = versions;
    }

    /** What a publish did. */
    public sealed interface Publication {}

    public record Published(long version, String summary) implements Publication {}

    /** The candidate is the newest version already: nothing written. */
    public record Unchanged(long version) implements Publication {}

    public record Refused(List<String> problems) implements Publication {}

    public record NoSuchVersion(long version) implements Publication {}

    /** One line of the history: {@code serving} is what the functions use, {@code refused} a newest one they do not. */
    public record HistoryEntry(long version, java.time.Instant at, String by, String note, String summary, boolean serving, boolean refused,
            String text) {}

    /** A profile whose definition differs from what serves: its version before (null: new) and after (null: removed). */
    public record ProfileChange(String profile, Integer before, Integer after) {}

    public ConfigVersions.Version newest(ConfigDocument document) {
        return versions.newest(document).orElseThrow(() -> new IllegalArgumentException("the stack has no " + document.logical()
                + " parameter"));
    }

    public ConfigVersions.Version serving(ConfigDocument document) {
        return servingGiven(document, newest(document));
    }

    /** What serves when {@code newest} is the newest version: it, when valid; else the history is read once. */
    private ConfigVersions.Version servingGiven(ConfigDocument document, ConfigVersions.Version newest) {
        return valid(document, newest.text()) ? newest : servingIn(document, versions.history(document));
    }

    /** The newest valid version of a history already read (oldest first). */
    private static ConfigVersions.Version servingIn(ConfigDocument document, List<ConfigVersions.Version> history) {
        return history.reversed().stream().filter(v -> valid(document, v.text())).findFirst()
                .orElseThrow(() -> new IllegalStateException(document.logical() + " has no valid version"));
    }

    /** Every problem of a candidate against what serves (and the other document as it serves), or none. */
    public List<String> problems(ConfigDocument document, String candidate) {
        return problems(document, candidate, serving(document));
    }

    /** The same, against {@code serving} already read: one read more, of the other document. */
    private List<String> problems(ConfigDocument document, String candidate, ConfigVersions.Version serving) {
        return problems(document, candidate, Optional.of(serving.text()), serving(other(document)).text());
    }

    /** Every problem of a candidate on its own, its references checked against the given other document. */
    public static List<String> problems(ConfigDocument document, String candidate, Optional<String> serving, String counterpart, int maxBytes) {
        List<String> problems = new ArrayList<>(ConfigReview.problems(document, candidate, serving, counterpart));
        int bytes = candidate.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            problems.add(bytes + " bytes, over the " + maxBytes + " a version may hold");
        }
        return problems;
    }

    private List<String> problems(ConfigDocument document, String candidate, Optional<String> serving, String counterpart) {
        return problems(document, candidate, serving, counterpart, versions.maxBytes());
    }

    public Publication publish(ConfigDocument document, String candidate, String description) {
        return publish(document, candidate, description, newest(document), Optional.empty());
    }

    /** With the newest version (and the history, when already read) in hand: no read is made twice. */
    private Publication publish(ConfigDocument document, String candidate, String description, ConfigVersions.Version newest,
            Optional<List<ConfigVersions.Version>> history) {
        if (candidate.strip().equals(newest.text().strip())) {
            return new Unchanged(newest.number());
        }
        ConfigVersions.Version serving = valid(document, newest.text()) ? newest
                : history.map(h -> servingIn(document, h)).orElseGet(() -> servingGiven(document, newest));
        List<String> problems = problems(document, candidate, serving);
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        return new Published(versions.publish(document, candidate, description), summary(document, candidate));
    }

    public Publication rollback(ConfigDocument document, long to, String description) {
        List<ConfigVersions.Version> history = versions.history(document);
        Optional<ConfigVersions.Version> old = history.stream().filter(v -> v.number() == to).findFirst();
        if (old.isEmpty()) {
            return new NoSuchVersion(to);
        }
        try {
            return publish(document, ConfigReview.rollback(document, old.get().text(), servingIn(document, history).text()), description,
                    history.getLast(), Optional.of(history));
        } catch (ConfigInvalidException e) {
            return new Refused(e.problems());
        }
    }

    public List<HistoryEntry> history(ConfigDocument document) {
        List<ConfigVersions.Version> all = versions.history(document);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the stack has no " + document.logical() + " parameter");
        }
        long serving = servingIn(document, all).number();
        return all.stream().map(v -> new HistoryEntry(v.number(), v.at(), v.by(), v.note(), summary(document, v.text()),
                v.number() == serving, v.number() > serving, v.text())).toList();
    }

    /** The rules a candidate parses to; only for a candidate without problems. */
    public static RoutingRules rules(String candidate) {
        try {
            return RoutingRulesParser.parse(candidate);
        } catch (ConfigInvalidException e) {
            throw new IllegalArgumentException("check the candidate's problems first", e);
        }
    }

    /** The profiles whose definitions a candidate changes against what serves. */
    public List<ProfileChange> profileChanges(String candidate) {
        Map<String, JsonNode> before = definitions(serving(ConfigDocument.PROFILES).text());
        Map<String, JsonNode> after = definitions(candidate);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(key -> before.get(key) == null || after.get(key) == null || !before.get(key).equals(after.get(key)))
                .map(key -> new ProfileChange(key, version(before.get(key)), version(after.get(key)))).toList();
    }

    public static String summary(ConfigDocument document, String text) {
        try {
            return switch (document) {
                case ROUTING_RULES -> {
                    RoutingRules rules = RoutingRulesParser.parse(text);
                    yield "rules v" + rules.version() + ", " + rules.rules().size() + " rules";
                }
                case PROFILES -> ConfigReview.definitions(text).entrySet().stream()
                        .map(e -> e.getKey() + " v" + e.getValue().path("version").asInt()).collect(Collectors.joining(", "));
            };
        } catch (ConfigInvalidException e) {
            return "INVALID (" + e.problems().size() + " problems)";
        }
    }

    public static ConfigDocument other(ConfigDocument document) {
        return document == ConfigDocument.ROUTING_RULES ? ConfigDocument.PROFILES : ConfigDocument.ROUTING_RULES;
    }

    private static Integer version(JsonNode definition) {
        return definition == null ? null : definition.path("version").asInt();
    }

    private static Map<String, JsonNode> definitions(String profiles) {
        try {
            return ConfigReview.definitions(profiles);
        } catch (ConfigInvalidException e) {
            return Map.of();
        }
    }

    private static boolean valid(ConfigDocument document, String text) {
        try {
            document.check(text);
            return true;
        } catch (ConfigInvalidException e) {
            return false;
        }
    }
}
