package dev.assetflow.ops.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.config.SsmConfigParameters;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.configreview.ConfigReview;
import dev.assetflow.domain.routing.RoutingDiff;
import dev.assetflow.domain.routing.RoutingRules;
import dev.assetflow.domain.routing.RoutingRulesParser;
import dev.assetflow.topology.ParameterSpec;
import dev.assetflow.topology.TopologyLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The actions of {@code scripts/config} on one deployment's parameters, each printing what it found or did. */
final class ConfigReport {
    private final SsmConfigParameters parameters;
    private final String deployment;
    private final PrintStream out;

    ConfigReport(SsmConfigParameters parameters, String deployment, PrintStream out) {
        this.parameters = parameters;
        this.deployment = deployment;
        this.out = out;
    }

    /**
     * Without a stack: the document on its own, its references checked against the other document in config/ (the
     * working copy's, or the first version bundled with the command when run elsewhere).
     */
    static int validateAlone(ConfigDocument document, String candidate, PrintStream out) {
        String file = other(document).logical() + ".json";
        Path local = Path.of("config", file);
        String counterpart;
        try {
            counterpart = Files.exists(local) ? Files.readString(local) : TopologyLoader.configDocument(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
        return verdict(document, problems(document, candidate, Optional.empty(), counterpart), out);
    }

    int validate(ConfigDocument document, String candidate) {
        return verdict(document, problems(document, candidate, Optional.of(serving(document).text()), serving(other(document)).text()), out);
    }

    int push(ConfigDocument document, String candidate) {
        String serving = serving(document).text();
        if (candidate.strip().equals(newest(document).text().strip())) {
            out.printf("%s: the file is the newest version already; nothing published%n", name(document));
            return 0;
        }
        if (verdict(document, problems(document, candidate, Optional.of(serving), serving(other(document)).text()), out) != 0) {
            out.printf("nothing was written to %s%n", name(document));
            return 1;
        }
        long version = parameters.publish(name(document), candidate, "published by scripts/config push");
        out.printf("published %s version %d (%s); functions use it within a minute%n", name(document), version, summary(document, candidate));
        return 0;
    }

    int history(ConfigDocument document) {
        long serving = serving(document).number();
        long newest = newest(document).number();
        for (SsmConfigParameters.Version version : parameters.history(name(document))) {
            String mark = version.number() == serving ? "   <- serving" : version.number() == newest ? "   <- newest, refused by the functions" : "";
            out.printf("%4d  %s  %-24s %s%s%n", version.number(), version.at(), version.by() == null ? "-" : version.by(),
                    summary(document, version.text()), mark);
        }
        return 0;
    }

    int rollback(ConfigDocument document, long to) {
        Optional<SsmConfigParameters.Version> old = parameters.history(name(document)).stream().filter(v -> v.number() == to).findFirst();
        if (old.isEmpty()) {
            out.printf("%s has no version %d (scripts/config history lists them)%n", name(document), to);
            return 1;
        }
        String text;
        try {
            text = ConfigReview.rollback(document, old.get().text(), serving(document).text());
        } catch (ConfigInvalidException e) {
            out.printf("version %d cannot be rolled back to: %s%n", to, String.join("; ", e.problems()));
            return 1;
        }
        out.printf("rolling back %s to the definitions of version %d%n", name(document), to);
        return push(document, text);
    }

    int diff(ConfigDocument document, String candidate, DynamoAssetRepository assets, Instant since, int maxAssets) {
        if (verdict(document, problems(document, candidate, Optional.empty(), serving(other(document)).text()), out) != 0) {
            return 1;
        }
        return switch (document) {
            case ROUTING_RULES -> routingDiff(candidate, assets, since, maxAssets);
            case PROFILES -> profilesDiff(candidate);
        };
    }

    private int routingDiff(String candidate, DynamoAssetRepository assets, Instant since, int maxAssets) {
        RoutingRules rules = parse(candidate);
        var recent = assets.createdSince(since, maxAssets);
        List<RoutingDiff.Change> changes = RoutingDiff.of(rules, recent);
        changes.forEach(change -> out.printf("%s  %-40s %s  ->  %s%n", change.asset().id().value(),
                abbreviate(change.asset().source().key()), RoutingDiff.describe(change.before()), RoutingDiff.describe(change.after())));
        Map<String, Long> byRule = changes.stream().collect(Collectors.groupingBy(c -> c.after().rule() == null ? "(no rule)"
                : c.after().rule(), Collectors.counting()));
        out.printf("%d of %d assets created since %s would route differently under version %d%s%n", changes.size(), recent.size(),
                since, rules.version(), byRule.isEmpty() ? "" : " (by new rule: " + byRule + ")");
        return 0;
    }

    private int profilesDiff(String candidate) {
        Map<String, JsonNode> before = definitions(serving(ConfigDocument.PROFILES).text());
        Map<String, JsonNode> after = definitions(candidate);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        int changed = 0;
        for (String key : keys) {
            JsonNode was = before.get(key);
            JsonNode now = after.get(key);
            if (was == null || now == null || !was.equals(now)) {
                changed++;
                out.printf("%-32s %s -> %s%n", key, was == null ? "(new)" : "v" + was.path("version").asInt(),
                        now == null ? "(removed)" : "v" + now.path("version").asInt());
            }
        }
        out.printf("%d profiles differ from what serves%n", changed);
        return 0;
    }

    private static List<String> problems(ConfigDocument document, String candidate, Optional<String> serving, String counterpart) {
        List<String> problems = new ArrayList<>(ConfigReview.problems(document, candidate, serving, counterpart));
        int bytes = candidate.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > SsmConfigParameters.MAX_BYTES) {
            problems.add(bytes + " bytes, over the " + SsmConfigParameters.MAX_BYTES + " a standard-tier SSM parameter holds");
        }
        return problems;
    }

    private static int verdict(ConfigDocument document, List<String> problems, PrintStream out) {
        if (problems.isEmpty()) {
            out.printf("%s: valid%n", document.logical());
            return 0;
        }
        out.printf("%s: %d problem%s%n", document.logical(), problems.size(), problems.size() == 1 ? "" : "s");
        problems.forEach(problem -> out.printf("  - %s%n", problem));
        return 1;
    }

    private SsmConfigParameters.Version newest(ConfigDocument document) {
        return parameters.serving(name(document)).orElseThrow(() ->
                new IllegalArgumentException("no parameter " + name(document) + ": is --stack " + deployment + " right?"));
    }

    /**
     * What the functions serve: the newest version that is valid on its own (one written around this command
     * and refused by the functions does not count), so new versions are checked against what is really in use.
     */
    private SsmConfigParameters.Version serving(ConfigDocument document) {
        SsmConfigParameters.Version newest = newest(document);
        if (valid(document, newest.text())) {
            return newest;
        }
        return parameters.history(name(document)).reversed().stream().filter(v -> valid(document, v.text())).findFirst()
                .orElseThrow(() -> new IllegalStateException(name(document) + " has no valid version"));
    }

    private static boolean valid(ConfigDocument document, String text) {
        try {
            document.check(text);
            return true;
        } catch (ConfigInvalidException e) {
            return false;
        }
    }

    private String name(ConfigDocument document) {
        return ParameterSpec.name(deployment, document.logical());
    }

    private static ConfigDocument other(ConfigDocument document) {
        return document == ConfigDocument.ROUTING_RULES ? ConfigDocument.PROFILES : ConfigDocument.ROUTING_RULES;
    }

    private static String summary(ConfigDocument document, String text) {
        try {
            return switch (document) {
                case ROUTING_RULES -> {
                    RoutingRules rules = RoutingRulesParser.parse(text);
                    yield "rules v" + rules.version() + ", " + rules.rules().size() + " rules";
                }
                case PROFILES -> definitions(text).entrySet().stream()
                        .map(e -> e.getKey() + " v" + e.getValue().path("version").asInt()).collect(Collectors.joining(", "));
            };
        } catch (ConfigInvalidException e) {
            return "INVALID (" + e.problems().size() + " problems)";
        }
    }

    private static RoutingRules parse(String rules) {
        try {
            return RoutingRulesParser.parse(rules);
        } catch (ConfigInvalidException e) {
            throw new IllegalStateException("validated above", e);
        }
    }

    private static Map<String, JsonNode> definitions(String profiles) {
        try {
            return ConfigReview.definitions(profiles);
        } catch (ConfigInvalidException e) {
            return Map.of();
        }
    }

    private static String abbreviate(String key) {
        return key.length() <= 40 ? key : "…" + key.substring(key.length() - 39);
    }
}
