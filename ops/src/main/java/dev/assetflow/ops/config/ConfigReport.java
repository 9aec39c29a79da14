package dev.assetflow.ops.config;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.config.SsmConfigParameters;
import dev.assetflow.domain.configreview.ConfigDesk;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.domain.routing.RoutingDiff;
import dev.assetflow.domain.routing.RoutingRules;
import dev.assetflow.topology.TopologyLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The actions of {@code scripts/config} on one deployment's parameters, each printing what it found or did; the
 * decisions are ConfigDesk's, which the console's editor (ops-api) uses too.
 */
final class ConfigReport {
    private final ConfigDesk desk;
    private final Function<ConfigDocument, String> names;
    private final PrintStream out;

    /** @param names each document's parameter name, as the messages say it */
    ConfigReport(ConfigDesk desk, Function<ConfigDocument, String> names, PrintStream out) {
        this.desk = desk;
        this.names = names;
        this.out = out;
    }

    /**
     * Without a stack: the document on its own, its references checked against the other document in config/ (the
     * working copy's, or the first version bundled with the command when run elsewhere).
     */
    static int validateAlone(ConfigDocument document, String candidate, PrintStream out) {
        String file = ConfigDesk.other(document).logical() + ".json";
        Path local = Path.of("config", file);
        String counterpart;
        try {
            counterpart = Files.exists(local) ? Files.readString(local) : TopologyLoader.configDocument(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
        return verdict(document, ConfigDesk.problems(document, candidate, Optional.empty(), counterpart, SsmConfigParameters.MAX_BYTES), out);
    }

    int validate(ConfigDocument document, String candidate) {
        return verdict(document, desk.problems(document, candidate), out);
    }

    int push(ConfigDocument document, String candidate) {
        return report(document, desk.publish(document, candidate, "published by scripts/config push"));
    }

    int history(ConfigDocument document) {
        List<ConfigDesk.HistoryEntry> entries = desk.history(document);
        for (ConfigDesk.HistoryEntry entry : entries) {
            String mark = entry.serving() ? "   <- serving" : !entry.refused() ? ""
                    : entry == entries.getLast() ? "   <- newest, refused by the functions" : "   <- refused by the functions";
            out.printf("%4d  %s  %-24s %s%s%s%n", entry.version(), entry.at(), entry.by() == null ? "-" : entry.by(), entry.summary(), mark,
                    entry.note() == null ? "" : "  (" + entry.note() + ")");
        }
        return 0;
    }

    int rollback(ConfigDocument document, long to) {
        out.printf("rolling back %s to the definitions of version %d%n", names.apply(document), to);
        return report(document, desk.rollback(document, to, "rollback to version " + to + " by scripts/config"));
    }

    int diff(ConfigDocument document, String candidate, DynamoAssetRepository assets, Instant since, int maxAssets) {
        if (verdict(document, desk.problems(document, candidate), out) != 0) {
            return 1;
        }
        return switch (document) {
            case ROUTING_RULES -> routingDiff(candidate, assets, since, maxAssets);
            case PROFILES -> profilesDiff(candidate);
        };
    }

    private int report(ConfigDocument document, ConfigDesk.Publication publication) {
        return switch (publication) {
            case ConfigDesk.Published published -> {
                out.printf("published %s version %d (%s); functions use it within a minute%n", names.apply(document), published.version(),
                        published.summary());
                yield 0;
            }
            case ConfigDesk.Unchanged unchanged -> {
                out.printf("%s: the file is the newest version (%d) already; nothing published%n", names.apply(document), unchanged.version());
                yield 0;
            }
            case ConfigDesk.Refused refused -> {
                verdict(document, refused.problems(), out);
                out.printf("nothing was written to %s%n", names.apply(document));
                yield 1;
            }
            case ConfigDesk.NoSuchVersion none -> {
                out.printf("%s has no version %d (scripts/config history lists them)%n", names.apply(document), none.version());
                yield 1;
            }
        };
    }

    private int routingDiff(String candidate, DynamoAssetRepository assets, Instant since, int maxAssets) {
        RoutingRules rules = ConfigDesk.rules(candidate);
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
        List<ConfigDesk.ProfileChange> changes = desk.profileChanges(candidate);
        changes.forEach(change -> out.printf("%-32s %s -> %s%n", change.profile(), change.before() == null ? "(new)" : "v" + change.before(),
                change.after() == null ? "(removed)" : "v" + change.after()));
        out.printf("%d profiles differ from what serves%n", changes.size());
        return 0;
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

    private static String abbreviate(String key) {
        return key.length() <= 40 ? key : "…" + key.substring(key.length() - 39);
    }
}
