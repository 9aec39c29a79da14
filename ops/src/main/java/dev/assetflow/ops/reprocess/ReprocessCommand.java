package dev.assetflow.ops.reprocess;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.config.SsmConfigParameters;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.domain.configreview.ConfigVersions;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.aws.work.SqsWorkDispatcher;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.reprocess.ReprocessOutcome;
import dev.assetflow.domain.reprocess.Reprocessing;
import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.runtime.retry.Sleep;
import dev.assetflow.topology.ParameterSpec;
import dev.assetflow.topology.ResourceNames;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.assetflow.runtime.config.LiveConfigs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code scripts/reprocess --profile NAME}: makes again, at a controlled rate, every READY or PARTIAL asset made with
 * an older version of the profile than the one published (README, "Reprocessing by profile version"). It keeps no
 * state of its own: what still needs it is what it selects, so running it again resumes it.
 */
public final class ReprocessCommand {
    static final String USAGE = """
            usage: scripts/reprocess --profile NAME --stack NAME [--rate 2] [--max N]
                                     [--assets-table T --work-queues JSON] [--endpoint URL] [--region R]
              --stack NAME   the deployment: its profiles parameter /NAME/config/profiles; on a local stack (NAME is
                             its prefix) also its table NAME-assets and its work queues; on AWS give --assets-table
                             and --work-queues (stack outputs AssetsTable, WorkQueueUrls)
              --rate         assets sent per second, at most (their work goes to the bulk queues)
              --max          send at most N this run (run it again to go on)""";

    private ReprocessCommand() {
    }

    public static void main(String[] args) {
        CommandOptions.main("reprocess", USAGE, args, command -> run(command, System.out));
    }

    /** @return 0, or 1 when some asset could not be sent (each is listed with why) */
    public static int run(CommandOptions command, PrintStream out) {
        String profile = command.required("--profile");
        String stack = command.required("--stack");
        double rate = Double.parseDouble(command.get("--rate", "2"));
        int max = Integer.parseInt(command.get("--max", Integer.toString(Integer.MAX_VALUE)));
        boolean local = !command.options().containsKey("--assets-table");
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(command.options().get("--endpoint")).map(URI::create),
                command.get("--region", "us-east-1"))) {
            DynamoAssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(),
                    local ? new ResourceNames(stack).of("assets") : command.required("--assets-table"));
            Map<String, String> queues = local ? CommandClients.localWorkQueues(clients, new ResourceNames(stack))
                    : new Env(Map.of("WORK_QUEUES", command.required("--work-queues"))).jsonMap("WORK_QUEUES");
            SsmConfigParameters parameters = new SsmConfigParameters(clients.ssm(), doc -> ParameterSpec.name(stack, doc.logical()));
            String name = ParameterSpec.name(stack, "profiles");
            ProfileCatalog catalog = catalog(parameters, name);
            awaitFunctionsServing(parameters, name, out);
            int newest = catalog.version(profile).orElseThrow(() -> new IllegalArgumentException("the published profiles have no "
                    + profile));
            Reprocessing reprocessing = new Reprocessing(assets, new S3ObjectStore(clients.s3(), clients::presigner),
                    new SqsWorkDispatcher(clients.sqs(), queues, null), () -> catalog, Clock.systemUTC());
            List<Asset> candidates = assets.finishedWithProfile(profile).stream()
                    .filter(a -> Reprocessing.madeWith(assets.renditions(a.id()), profile).orElse(0) < newest).limit(max).toList();
            out.printf("%s v%d: %d assets made with an older version%n", profile, newest, candidates.size());
            Map<String, Integer> outcomes = new TreeMap<>();
            Duration gap = Duration.ofNanos(Math.round(1_000_000_000L / rate));
            for (int i = 0; i < candidates.size(); i++) {
                if (i > 0) {
                    Sleep.of(gap);
                }
                String line = describe(reprocessing, candidates.get(i), command.get("--by", "operator:" + System.getProperty("user.name")));
                out.printf("%s: %s%n", candidates.get(i).id(), line);
                outcomes.merge(line.substring(0, line.indexOf(':') < 0 ? line.length() : line.indexOf(':')), 1, Integer::sum);
            }
            out.printf("done: %s%n", outcomes);
            return outcomes.keySet().stream().allMatch(k -> k.equals("sent") || k.equals("up to date")) ? 0 : 1;
        }
    }

    private static String describe(Reprocessing reprocessing, Asset asset, String by) {
        try {
            return switch (reprocessing.reprocess(asset.id(), by)) {
                case ReprocessOutcome.Sent sent -> "sent: v" + sent.from() + " -> v" + sent.to() + " on " + sent.workQueue();
                case ReprocessOutcome.UpToDate upToDate -> "up to date: v" + upToDate.version();
                case ReprocessOutcome.NotFound notFound -> "not sent: it is gone";
                case ReprocessOutcome.NotFinished notFinished -> "not sent: it is " + notFinished.asset().state();
                case ReprocessOutcome.CannotRedo cannot -> "not sent: " + cannot.failure();
            };
        } catch (FailureException e) {
            return "not sent: " + e.failure();
        }
    }

    /**
     * The workers use a new version within a minute of its publication (LiveConfigs.MAX_AGE_LIMIT): work sent
     * sooner could be made with the older one again, so the command waits out what is left of that minute.
     */
    private static void awaitFunctionsServing(SsmConfigParameters parameters, String name, PrintStream out) {
        parameters.newest(ConfigDocument.PROFILES).ifPresent(version -> {
            Duration left = Duration.between(Instant.now(), version.at().plus(LiveConfigs.MAX_AGE_LIMIT));
            if (left.isPositive()) {
                out.printf("version %d of %s was published at %s; waiting %d s until every function serves it%n", version.number(),
                        name, version.at(), left.toSeconds() + 1);
                Sleep.of(left.plusSeconds(1));
            }
        });
    }

    private static ProfileCatalog catalog(SsmConfigParameters parameters, String name) {
        String text = parameters.newest(ConfigDocument.PROFILES).map(ConfigVersions.Version::text)
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + ": is --stack right?"));
        try {
            return ProfileCatalog.parse(text);
        } catch (ConfigInvalidException e) {
            throw new IllegalStateException(name + " is invalid now (" + String.join("; ", e.problems())
                    + "): fix it with scripts/config push first", e);
        }
    }
}
