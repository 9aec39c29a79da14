package dev.assetflow.ops.config;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.config.SsmConfigParameters;
import dev.assetflow.domain.configreview.ConfigDesk;
import dev.assetflow.topology.ParameterSpec;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code scripts/config}: the routing rules and profiles as data. Validates a document before anything is
 * written, shows a rule change's effect on recent assets, publishes, lists and rolls back versions (README,
 * "Configuration as data").
 */
public final class ConfigCommand {
    static final String USAGE = """
            usage: scripts/config validate|diff|push|history|rollback VERSION
                                  [--document routing-rules|profiles] [--file PATH]
                                  [--stack NAME] [--assets-table NAME] [--endpoint URL] [--region REGION]
                                  [--since-hours H] [--max-assets N]
              validate       check --file (default config/<document>.json): alone, or against what the stack serves
              diff           what --file changes: for rules, the recent assets it would route differently (a dry run
                             over the assets table: the last --since-hours, default 168, at most --max-assets, default 1000);
                             for profiles, the profiles whose definition changed
              push           validate --file against what serves, then publish it as a new version (nothing is written
                             when a problem is found; every problem is listed)
              history        the stored versions: number, date, author, the rules' version or the profiles' versions
              rollback V     publish version V's definitions again as a new version (versions raised above the serving ones)
              --stack NAME   the deployment: the parameters /NAME/config/<document> (the CDK stack's name, or a local
                             stack's prefix) and, for diff, the table NAME-assets unless --assets-table names it""";

    private ConfigCommand() {
    }

    public static void main(String[] args) {
        CommandOptions.main("config", USAGE, args, command -> run(command, System.out));
    }

    /** @return 0; 1 when the document is invalid (nothing written) or a version does not exist */
    public static int run(CommandOptions command, PrintStream out) {
        if (command.words().isEmpty()) {
            throw new IllegalArgumentException("say what to do: validate, diff, push, history or rollback VERSION");
        }
        ConfigDocument document = ConfigDocument.named(command.get("--document", "routing-rules"));
        Optional<String> stack = Optional.ofNullable(command.options().get("--stack"));
        String action = command.words().getFirst();
        if (action.equals("validate") && stack.isEmpty()) {
            return ConfigReport.validateAlone(document, candidate(command, document), out);
        }
        String deployment = stack.orElseThrow(() -> new IllegalArgumentException(action + " needs --stack NAME"));
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(command.options().get("--endpoint")).map(URI::create),
                command.get("--region", "us-east-1"))) {
            java.util.function.Function<ConfigDocument, String> names = doc -> ParameterSpec.name(deployment, doc.logical());
            ConfigReport report = new ConfigReport(new ConfigDesk(new SsmConfigParameters(clients.ssm(), names)), names, out);
            return switch (action) {
                case "validate" -> report.validate(document, candidate(command, document));
                case "push" -> report.push(document, candidate(command, document));
                case "history" -> report.history(document);
                case "rollback" -> report.rollback(document, version(command));
                case "diff" -> report.diff(document, candidate(command, document), new DynamoAssetRepository(clients.dynamoDb(),
                                command.get("--assets-table", deployment + "-assets")),
                        Instant.now().minus(Duration.ofHours(Long.parseLong(command.get("--since-hours", "168")))),
                        Integer.parseInt(command.get("--max-assets", "1000")));
                default -> throw new IllegalArgumentException("unknown action " + action);
            };
        }
    }

    private static String candidate(CommandOptions command, ConfigDocument document) {
        Path file = Path.of(command.get("--file", "config/" + document.logical() + ".json"));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long version(CommandOptions command) {
        if (command.words().size() != 2) {
            throw new IllegalArgumentException("rollback needs the version to return to (scripts/config history lists them)");
        }
        try {
            return Long.parseLong(command.words().get(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a version is a number, not " + command.words().get(1));
        }
    }
}
