package dev.assetflow.ops.priority;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.work.SqsWorkDispatcher;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.priority.PriorityChange;
import dev.assetflow.domain.priority.PriorityOutcome;
import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.topology.ResourceNames;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scripts/priority}: rush or hold back assets: their work not started moves to the new class's queue at
 * once (README, "Priority changes"); the same logic as {@code POST /assets/{assetId}/priority}.
 */
public final class PriorityCommand {
    static final String USAGE = """
            usage: scripts/priority ASSET_ID[,ASSET_ID...] --to critical|standard|bulk
                                    (--prefix PREFIX | --assets-table NAME --work-queues JSON)
                                    [--by NAME] [--endpoint URL] [--region REGION]
              --prefix PREFIX       the local stack's resources: table PREFIX-assets, its work queues
              --assets-table NAME   on AWS, the stack outputs AssetsTable and WorkQueueUrls
              --by NAME             who asks, for the asset's history (default: operator:$USER)""";

    private PriorityCommand() {
    }

    public static void main(String[] args) {
        CommandOptions.main("priority", USAGE, args, command -> run(command, System.out));
    }

    /** @return 0 when every asset was moved, recorded or already in the class; 1 otherwise */
    public static int run(CommandOptions command, PrintStream out) {
        if (command.words().size() != 1) {
            throw new IllegalArgumentException("name the asset(s): scripts/priority ASSET_ID --to critical");
        }
        String label = command.required("--to");
        if (!List.of("critical", "standard", "bulk").contains(label)) {
            throw new IllegalArgumentException("--to is critical, standard or bulk, not " + label);
        }
        Optional<String> prefix = Optional.ofNullable(command.options().get("--prefix"));
        String by = command.get("--by", "operator:" + System.getProperty("user.name"));
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(command.options().get("--endpoint")).map(URI::create),
                command.get("--region", "us-east-1"))) {
            String table = prefix.map(p -> new ResourceNames(p).of("assets")).orElseGet(() -> command.required("--assets-table"));
            Map<String, String> queues = prefix.map(p -> CommandClients.localWorkQueues(clients, new ResourceNames(p)))
                    .orElseGet(() -> new Env(Map.of("WORK_QUEUES", command.required("--work-queues"))).jsonMap("WORK_QUEUES"));
            PriorityChange change = new PriorityChange(new DynamoAssetRepository(clients.dynamoDb(), table),
                    new SqsWorkDispatcher(clients.sqs(), queues, null), Clock.systemUTC());
            int failed = 0;
            for (String id : command.words().getFirst().split(",")) {
                if (!AssetId.isValid(id)) {
                    out.printf("%s: not an asset id%n", id);
                    failed++;
                    continue;
                }
                try {
                    String line = describe(change.change(new AssetId(id), Priority.fromLabel(label), by));
                    out.printf("%s: %s%n", id, line);
                    failed += line.startsWith("not changed") ? 1 : 0;
                } catch (FailureException e) {
                    out.printf("%s: not changed: %s%n", id, e.failure());
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }

    private static String describe(PriorityOutcome outcome) {
        return switch (outcome) {
            case PriorityOutcome.Moved moved -> "moved from " + moved.from().label() + ": its work not started is on " + moved.workQueue();
            case PriorityOutcome.Recorded recorded -> "recorded; its work is running and finishes in the " + recorded.from().label() + " class";
            case PriorityOutcome.Unchanged unchanged -> "already " + unchanged.asset().route().queue().label();
            case PriorityOutcome.NotFound notFound -> "not changed: no such asset";
            case PriorityOutcome.Finished finished -> "not changed: it is " + finished.asset().state() + ", no work is left";
            case PriorityOutcome.NotRouted notRouted -> "not changed: it is " + notRouted.asset().state() + ", not routed yet; try again";
            case PriorityOutcome.Conflict conflict -> "not changed: it kept changing (" + conflict.asset().state() + "); try again";
        };
    }
}
